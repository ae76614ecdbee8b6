// esbuild settings for the one-file CLI, shared by build.mjs and the tests that run the bundle.
export function buildOptions(outfile) {
  return {
    entryPoints: ['src/main.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    legalComments: 'none',
    // CommonJS dependencies inside an ES module still call require() for Node built-ins.
    banner: {
      js: "#!/usr/bin/env node\nimport { createRequire as __s3amCreateRequire } from 'node:module';\nconst require = __s3amCreateRequire(import.meta.url);",
    },
    logLevel: 'warning',
  };
}

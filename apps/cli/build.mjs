// Bundles the CLI into one file (dist/s3am.mjs) that plain Node ≥ 22 runs without the workspace.
import { chmod } from 'node:fs/promises';
import { build } from 'esbuild';

const outfile = 'dist/s3am.mjs';
await build({
  entryPoints: ['src/main.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  minify: false,
  sourcemap: false,
  legalComments: 'none',
  // CommonJS dependencies inside an ES module still call require() for Node built-ins.
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __s3amCreateRequire } from 'node:module';\nconst require = __s3amCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
await chmod(outfile, 0o755);
process.stdout.write(`built ${outfile}\n`);

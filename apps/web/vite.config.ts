// Vite build of the SPA; in development it proxies the API (run `pnpm dev` at the root).
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const api = 'http://127.0.0.1:3000';
const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Text assets worth compressing; smaller files gain too little to be worth a second copy. */
const COMPRESSIBLE = /\.(js|mjs|css|svg|json|wasm)$/;
const MIN_BYTES = 1024;
/**
 * Brotli's best setting is ~5× slower than 9 for ~7 % fewer bytes: worth it on the chunks every
 * visit loads, not on the large lazy ones (the password dictionary: 3.7 s for 5 %).
 */
const MAX_QUALITY_UP_TO_BYTES = 1024 * 1024;

/**
 * Writes `x.br` and `x.gz` beside every hashed asset, once, at build time: the API
 * (@fastify/static preCompressed) and nginx (gzip_static) send them as they are, so no request
 * pays for compression and brotli can use its slowest, smallest setting.
 */
function precompressAssets(): Plugin {
  let outDir = 'dist';
  return {
    name: 's3am-precompress-assets',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async writeBundle(_options, bundle) {
      const files = Object.keys(bundle).filter(
        (file) => file.startsWith('assets/') && COMPRESSIBLE.test(file),
      );
      await Promise.all(
        files.map(async (file) => {
          const source = await readFile(path.join(outDir, file));
          if (source.length < MIN_BYTES) return;
          const [br, gzipped] = await Promise.all([
            brotli(source, {
              params: {
                [zlib.BROTLI_PARAM_QUALITY]:
                  source.length <= MAX_QUALITY_UP_TO_BYTES ? zlib.BROTLI_MAX_QUALITY : 9,
                [zlib.BROTLI_PARAM_SIZE_HINT]: source.length,
              },
            }),
            gz(source, { level: zlib.Z_BEST_COMPRESSION }),
          ]);
          if (br.length < source.length) await writeFile(path.join(outDir, `${file}.br`), br);
          if (gzipped.length < source.length)
            await writeFile(path.join(outDir, `${file}.gz`), gzipped);
        }),
      );
    },
  };
}

/**
 * The contracts package is schemas and constants only, imported through one index: declared free
 * of side effects, a page that parses a login answer does not pull in every feature's schemas.
 */
function contractsWithoutSideEffects(): Plugin {
  return {
    name: 's3am-contracts-without-side-effects',
    transform(_code, id) {
      return id.includes('/packages/contracts/src/') ? { moduleSideEffects: false } : null;
    },
  };
}

export default defineConfig({
  plugins: [react(), contractsWithoutSideEffects(), precompressAssets()],
  server: {
    port: 5173,
    proxy: { '/api': api, '/health': api, '/ready': api, '/docs': api, '/openapi.json': api },
  },
  build: { outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 1500 },
});

// Bundles the CLI into one file (dist/s3am.mjs) that plain Node ≥ 22 runs without the workspace.
import { chmod } from 'node:fs/promises';
import { build } from 'esbuild';
import { buildOptions } from './build-options.mjs';

const outfile = 'dist/s3am.mjs';
await build(buildOptions(outfile));
await chmod(outfile, 0o755);
process.stdout.write(`built ${outfile}\n`);

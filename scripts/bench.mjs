// `pnpm bench [name]`: runs the benchmarks under bench/ (each prints one JSON document).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const benchDir = fileURLToPath(new URL('../bench/', import.meta.url));
const filter = process.argv[2];
const files = readdirSync(benchDir)
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))
  .filter((name) => !filter || name.includes(filter));
if (files.length === 0) {
  process.stderr.write(`no benchmark matches ${filter ?? '*'}\n`);
  process.exit(1);
}
let status = 0;
for (const file of files) {
  const result = spawnSync('pnpm', ['exec', 'tsx', file], { cwd: benchDir, stdio: 'inherit' });
  status ||= result.status ?? 1;
}
process.exit(status);

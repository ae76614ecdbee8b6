// The CLI's ResumeStore: one JSON state file, rewritten atomically (temp file + rename).
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { ResumeRecord, type ResumeStore } from './resume-store.js';

const StateFile = z.object({
  version: z.literal(2),
  uploads: z.record(z.string(), ResumeRecord),
});
type StateFile = z.infer<typeof StateFile>;

export class StateFileResumeStore implements ResumeStore {
  /** Writes run one after another so two updates never interleave read-modify-write. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly path: string) {}

  async get(resumeKey: string): Promise<ResumeRecord | undefined> {
    await this.queue.catch(() => undefined);
    return (await this.read()).uploads[resumeKey];
  }

  put(resumeKey: string, record: ResumeRecord): Promise<void> {
    return this.update((state) => {
      state.uploads[resumeKey] = ResumeRecord.parse(record);
    });
  }

  delete(resumeKey: string): Promise<void> {
    return this.update((state) => {
      delete state.uploads[resumeKey];
    });
  }

  async list(): Promise<{ resumeKey: string; record: ResumeRecord }[]> {
    await this.queue.catch(() => undefined);
    const state = await this.read();
    return Object.entries(state.uploads).map(([resumeKey, record]) => ({ resumeKey, record }));
  }

  private update(change: (state: StateFile) => void): Promise<void> {
    const next = this.queue
      .catch(() => undefined)
      .then(async () => {
        const state = await this.read();
        change(state);
        await this.write(state);
      });
    this.queue = next;
    return next;
  }

  private async read(): Promise<StateFile> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 2, uploads: {} };
      throw error;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const parsed = StateFile.safeParse(json);
    // A file from another version, or hand-edited beyond repair: resume falls back to starting over.
    return parsed.success ? parsed.data : { version: 2, uploads: {} };
  }

  private async write(state: StateFile): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    const temp = `${this.path}.${process.pid}.${Date.now()}.tmp`;
    try {
      await writeFile(temp, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
      await rename(temp, this.path);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }
}

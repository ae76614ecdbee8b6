// A file on disk as a FileSource (Node only): reads each part's byte range, never the whole file.
import { createHash } from 'node:crypto';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { type DigestAlgorithm } from './digests.js';
import { type FileSource } from './file-source.js';
import { type PartBody } from './part-sender.js';
import { FileChangedError } from './upload-errors.js';

const HASH_CHUNK = 8 * 1024 * 1024;

export interface NodeFileSourceOptions {
  /** The file's name for people and the resume record (default: the path's basename). */
  name?: string;
  /** MIME type (default "": the API then uses application/octet-stream). */
  type?: string;
}

export class NodeFileSource implements FileSource {
  private constructor(
    readonly path: string,
    readonly name: string,
    readonly size: number,
    readonly lastModified: number,
    readonly type: string,
  ) {}

  static async open(path: string, options: NodeFileSourceOptions = {}): Promise<NodeFileSource> {
    const info = await stat(path);
    if (!info.isFile()) throw new Error(`${path} is not a regular file`);
    return new NodeFileSource(
      path,
      options.name ?? basename(path),
      info.size,
      Math.trunc(info.mtimeMs),
      options.type ?? '',
    );
  }

  /** Reads exactly [start, end). */
  async slice(start: number, end: number): Promise<Uint8Array> {
    return this.readInto(start, end, new Uint8Array(end - start));
  }

  /** Reads exactly [start, end) into the start of `target` (the engine's reused part buffer). */
  async readInto(start: number, end: number, target: Uint8Array): Promise<Uint8Array> {
    if (target.byteLength < end - start)
      throw new RangeError('The buffer is smaller than the range');
    return this.withUnchangedFile(async (handle) => {
      const view = target.subarray(0, end - start);
      await this.fill(handle, view, start);
      return view;
    });
  }

  /** node:crypto over the bytes in place: no copy of the part, native speed. */
  async digestBody(body: PartBody, algorithm: DigestAlgorithm): Promise<string> {
    const hash = createHash(algorithm);
    if (body instanceof Uint8Array) hash.update(body);
    else for await (const chunk of body.stream()) hash.update(chunk);
    return hash.digest('hex');
  }

  /** Hashes [start, end) with node:crypto, 8 MiB at a time: native speed, bounded memory. */
  async digest(start: number, end: number, algorithm: DigestAlgorithm): Promise<string> {
    return this.withUnchangedFile(async (handle) => {
      const hash = createHash(algorithm);
      const chunk = new Uint8Array(Math.min(HASH_CHUNK, Math.max(1, end - start)));
      for (let offset = start; offset < end; offset += chunk.byteLength) {
        const view = chunk.subarray(0, Math.min(chunk.byteLength, end - offset));
        await this.fill(handle, view, offset);
        hash.update(view);
      }
      return hash.digest('hex');
    });
  }

  /**
   * Opens, runs `read` and closes: no descriptor stays open across a long upload, and a file
   * changed since open() is refused rather than sent as a mix of old and new bytes.
   */
  private async withUnchangedFile<T>(read: (handle: FileHandle) => Promise<T>): Promise<T> {
    const handle = await open(this.path, 'r');
    try {
      const info = await handle.stat();
      if (info.size !== this.size || Math.trunc(info.mtimeMs) !== this.lastModified) {
        throw new FileChangedError(this.name);
      }
      return await read(handle);
    } finally {
      await handle.close();
    }
  }

  private async fill(handle: FileHandle, buffer: Uint8Array, position: number): Promise<void> {
    let filled = 0;
    while (filled < buffer.byteLength) {
      const { bytesRead } = await handle.read(
        buffer,
        filled,
        buffer.byteLength - filled,
        position + filled,
      );
      if (bytesRead === 0) throw new FileChangedError(this.name);
      filled += bytesRead;
    }
  }
}

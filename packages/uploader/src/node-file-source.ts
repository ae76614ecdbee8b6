// A file on disk as a FileSource (Node only): reads each part's byte range, never the whole file.
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { type FileSource } from './file-source.js';
import { FileChangedError } from './upload-errors.js';

export interface NodeFileSourceOptions {
  /** The name the upload is fingerprinted and keyed by (default: the path's basename). */
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

  /**
   * Opens, reads exactly [start, end) and closes: no descriptor stays open across a long upload,
   * and a file changed since open() is refused rather than sent as a mix of old and new bytes.
   */
  async slice(start: number, end: number): Promise<Uint8Array> {
    const handle = await open(this.path, 'r');
    try {
      const info = await handle.stat();
      if (info.size !== this.size || Math.trunc(info.mtimeMs) !== this.lastModified) {
        throw new FileChangedError(this.name);
      }
      const buffer = new Uint8Array(end - start);
      let filled = 0;
      while (filled < buffer.byteLength) {
        const { bytesRead } = await handle.read(
          buffer,
          filled,
          buffer.byteLength - filled,
          start + filled,
        );
        if (bytesRead === 0) throw new FileChangedError(this.name);
        filled += bytesRead;
      }
      return buffer;
    } finally {
      await handle.close();
    }
  }
}

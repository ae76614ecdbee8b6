// The files an upload names: plain files as they are, directories walked (keys keep the
// structure below the directory, with '/' separators on every platform).
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { notFoundError, usageError } from './exit-codes.js';

export interface FileToUpload {
  path: string;
  /** Key below the destination prefix. */
  relativeKey: string;
  fromDirectory: boolean;
}

export async function filesToUpload(sources: string[]): Promise<FileToUpload[]> {
  const files: FileToUpload[] = [];
  for (const source of sources) {
    const info = await stat(source).catch(() => null);
    if (!info) throw notFoundError(`${source}: no such file or directory`);
    if (info.isFile()) {
      files.push({ path: source, relativeKey: path.basename(source), fromDirectory: false });
      continue;
    }
    if (!info.isDirectory()) throw usageError(`${source} is neither a file nor a directory`);
    const root = path.resolve(source);
    const base = path.basename(root);
    const entries = await readdir(root, { recursive: true, withFileTypes: true });
    const found = entries
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name))
      .sort();
    for (const file of found) {
      const relative = path.relative(root, file).split(path.sep).join('/');
      files.push({ path: file, relativeKey: `${base}/${relative}`, fromDirectory: true });
    }
  }
  if (files.length === 0) throw usageError(`Nothing to upload in ${sources.join(', ')}`);
  const seen = new Set<string>();
  for (const file of files) {
    if (seen.has(file.relativeKey))
      throw usageError(`two files would both go to "${file.relativeKey}"`);
    seen.add(file.relativeKey);
  }
  return files;
}

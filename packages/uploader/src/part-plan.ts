// Which bytes each part covers: part i is [(i-1)*partSize, min(i*partSize, size)).

export interface PartRange {
  partNumber: number;
  start: number;
  end: number;
}

export function partCountFor(size: number, partSize: number): number {
  if (partSize <= 0) throw new RangeError('partSize must be positive');
  // An empty file is still one (empty) part.
  return Math.max(1, Math.ceil(size / partSize));
}

export function partRange(partNumber: number, partSize: number, size: number): PartRange {
  const count = partCountFor(size, partSize);
  if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > count) {
    throw new RangeError(`Part ${partNumber} is outside 1..${count}`);
  }
  const start = (partNumber - 1) * partSize;
  return { partNumber, start, end: Math.min(start + partSize, size) };
}

export function partLength(partNumber: number, partSize: number, size: number): number {
  const { start, end } = partRange(partNumber, partSize, size);
  return end - start;
}

/** Every part of an upload as the server laid it out; a 'single' upload is one part, the whole file. */
export function planParts(upload: {
  mode: 'multipart' | 'single';
  size: number;
  partSize: number;
  partCount: number;
}): PartRange[] {
  if (upload.mode === 'single') return [{ partNumber: 1, start: 0, end: upload.size }];
  const count = partCountFor(upload.size, upload.partSize);
  if (count !== upload.partCount) {
    throw new Error(
      `The server's part count ${upload.partCount} does not match ${upload.size} bytes in parts of ${upload.partSize}`,
    );
  }
  return Array.from({ length: count }, (_, index) =>
    partRange(index + 1, upload.partSize, upload.size),
  );
}

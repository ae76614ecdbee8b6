// Files from a drop or a file input, with their paths relative to what was dropped or picked.

export interface PickedFile {
  file: File;
  /** "photos/2024/a.jpg" for a file inside a dropped folder, else the file's name. */
  relativePath: string;
}

function readEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

async function walk(entry: FileSystemEntry, into: PickedFile[]): Promise<void> {
  if (entry.isFile) {
    const file = await fileOf(entry as FileSystemFileEntry);
    into.push({ file, relativePath: entry.fullPath.replace(/^\/+/, '') || file.name });
    return;
  }
  if (!entry.isDirectory) return;
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries answers in batches (100 in Chromium) until it returns an empty one.
  for (;;) {
    const batch = await readEntries(reader);
    if (batch.length === 0) return;
    for (const child of batch) await walk(child, into);
  }
}

/**
 * Must be called while the drop event is being handled: the items are emptied once it returns.
 * Folders are walked; when entries are not available, the plain file list is used.
 */
export function collectDroppedFiles(dataTransfer: DataTransfer): Promise<PickedFile[]> {
  const entries: FileSystemEntry[] = [];
  for (const item of Array.from(dataTransfer.items)) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry();
    if (entry) entries.push(entry);
  }
  if (entries.length === 0) {
    return Promise.resolve(
      Array.from(dataTransfer.files).map((file) => ({ file, relativePath: file.name })),
    );
  }
  return (async () => {
    const files: PickedFile[] = [];
    for (const entry of entries) await walk(entry, files);
    return files;
  })();
}

/** Files from an <input type="file">; with webkitdirectory they carry the folder path. */
export function pickedFromInput(list: FileList | null): PickedFile[] {
  return Array.from(list ?? []).map((file) => ({
    file,
    relativePath: file.webkitRelativePath || file.name,
  }));
}

export function hasFiles(dataTransfer: DataTransfer | null): boolean {
  return dataTransfer?.types.includes('Files') ?? false;
}

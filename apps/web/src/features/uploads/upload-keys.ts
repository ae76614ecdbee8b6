// Object keys for uploads: the chosen prefix, the optional sub-folder and the file's relative path.

/** Path segments without empty, "." or ".." parts (a dropped folder must not climb out of the prefix). */
function segments(path: string): string[] {
  return path
    .split(/[\\/]+/)
    .map((segment) => segment.trim())
    .filter((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

/** "a/b/" style folder from a prefix and a sub-folder typed by a person; "" for the bucket root. */
export function folderPrefix(prefix: string, subFolder: string): string {
  const parts = [...segments(prefix), ...segments(subFolder)];
  return parts.length ? `${parts.join('/')}/` : '';
}

export function objectKey(folder: string, relativePath: string): string {
  return `${folder}${segments(relativePath).join('/')}`;
}

/** The last segment of a key: the file name it was uploaded under. */
export function baseName(key: string): string {
  return key.slice(key.lastIndexOf('/') + 1);
}

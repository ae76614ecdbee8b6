// Sorting of the loaded folder contents (S3 lists by key only, so the browser sorts what it has).
import type { FolderEntry, ObjectEntry } from './use-folder-listing';

export type SortField = 'name' | 'size' | 'modified';
export interface SortOrder {
  field: SortField;
  direction: 'asc' | 'desc';
}

const byName = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function compareObjects(a: ObjectEntry, b: ObjectEntry, field: SortField): number {
  if (field === 'size') return a.size - b.size || byName.compare(a.name, b.name);
  if (field === 'modified') {
    const at = a.lastModified ? Date.parse(a.lastModified) : 0;
    const bt = b.lastModified ? Date.parse(b.lastModified) : 0;
    return at - bt || byName.compare(a.name, b.name);
  }
  return byName.compare(a.name, b.name);
}

/** Folders stay on top (by name); objects follow in the chosen order. */
export function sortEntries(folders: FolderEntry[], objects: ObjectEntry[], order: SortOrder) {
  const sign = order.direction === 'asc' ? 1 : -1;
  const nameSign = order.field === 'name' ? sign : 1;
  return {
    folders: [...folders].sort((a, b) => nameSign * byName.compare(a.name, b.name)),
    objects: [...objects].sort((a, b) => sign * compareObjects(a, b, order.field)),
  };
}

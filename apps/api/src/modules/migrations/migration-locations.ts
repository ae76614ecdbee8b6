// Pure rules about where a migration reads and writes: prefix normalisation, the destination key
// of a source key, overlap between the two locations, and the include/exclude filter.
import picomatch from 'picomatch';

export interface Location {
  connectionId: string;
  bucket: string;
  prefix: string;
}

/** '' stays '' (the whole bucket); any other prefix ends with '/' so `data/` never means `data-x/`. */
export function normalizeMigrationPrefix(prefix: string): string {
  const trimmed = prefix.replace(/^\/+/, '');
  if (trimmed === '') return '';
  return trimmed.endsWith('/') ? trimmed : `${trimmed}/`;
}

/** The destination key of a source key: the destination prefix + the part below the source prefix. */
export function destinationKey(sourceKey: string, source: Location, destination: Location): string {
  return destination.prefix + sourceKey.slice(source.prefix.length);
}

/**
 * Whether copying would read what it writes (or write over what it reads): same bucket on the
 * same storage, and one prefix inside the other. Two connections may name the same storage with
 * other credentials, so `sameStorage` compares endpoints, not connection ids.
 */
export function locationsOverlap(
  source: Location,
  destination: Location,
  sameStorage: boolean,
): boolean {
  if (!sameStorage || source.bucket !== destination.bucket) return false;
  return (
    source.prefix.startsWith(destination.prefix) || destination.prefix.startsWith(source.prefix)
  );
}

/** A predicate on the key below the source prefix: included (or no include globs) and not excluded. */
export function keyFilter(include: readonly string[], exclude: readonly string[]) {
  const options = { dot: true };
  const included = include.length > 0 ? picomatch([...include], options) : () => true;
  const excluded = exclude.length > 0 ? picomatch([...exclude], options) : () => false;
  return (relativeKey: string): boolean => included(relativeKey) && !excluded(relativeKey);
}

/** ETags S3 computes the same way on both sides: no multipart suffix, so MD5 of the content. */
export function etagsComparable(a: string | null | undefined, b: string | null | undefined) {
  if (!a || !b) return false;
  return !a.includes('-') && !b.includes('-');
}

export function unquoteEtag(etag: string | null | undefined): string | null {
  return etag ? etag.replace(/^W\//, '').replace(/"/g, '') : null;
}

/**
 * Whether the destination object already equals the source: size, then ETag when both are MD5s
 * or both multipart with the same part count; otherwise (multipart vs single) the ETags cannot
 * be compared, and a destination at least as new as the source with the same size counts as equal.
 */
export function identicalAtDestination(
  source: { size: bigint; etag: string | null; lastModified: Date | null },
  destination: { size: bigint; etag: string | null; lastModified: Date | null },
): boolean {
  if (source.size !== destination.size) return false;
  const a = unquoteEtag(source.etag);
  const b = unquoteEtag(destination.etag);
  if (etagsComparable(a, b)) return a === b;
  if (a && b && a.includes('-') && b.includes('-') && a.split('-')[1] === b.split('-')[1])
    if (a === b) return true;
  if (!source.lastModified || !destination.lastModified) return false;
  return destination.lastModified.getTime() >= source.lastModified.getTime();
}

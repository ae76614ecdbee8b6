// Where files picked or dropped on the Files page go: the folder that is open, whatever the
// Uploads page has chosen as its own destination.
import type { FileLocation, Role } from '@s3am/contracts';
import type { UploadTarget } from '../uploads/upload-target';

/** The open folder `prefix` (inside `location`) as an upload destination. */
export function folderUploadTarget(location: FileLocation, prefix: string): UploadTarget {
  return {
    connectionId: location.connectionId,
    connectionName: location.connectionName,
    bucket: location.bucket,
    prefix: location.prefix,
    subFolder: prefix.startsWith(location.prefix) ? prefix.slice(location.prefix.length) : '',
    // A name already in the folder is kept: the new file gets "name (1).ext".
    onExisting: 'rename',
  };
}

/** The API lets admins and uploaders upload, and only where a grant allows writing. */
export function canUploadHere(role: Role | undefined, actions: ReadonlySet<string>): boolean {
  return (role === 'admin' || role === 'uploader') && actions.has('write');
}

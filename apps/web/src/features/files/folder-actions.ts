// What the signed-in person may do in a folder, to offer only those buttons. A hint for the UI:
// the server still authorizes every call against the grants.
import type { EffectivePermissions, GrantAction } from '@s3am/contracts';
import type { BucketRef } from './files-api';

/** Union of the actions of every grant whose prefix (always '' or ending in '/') holds `folder`. */
export function actionsInFolder(
  permissions: EffectivePermissions,
  where: BucketRef,
  folder: string,
): Set<GrantAction> {
  if (permissions.allAccess) return new Set(['list', 'read', 'write', 'delete']);
  return new Set(
    permissions.entries
      .filter(
        (entry) =>
          entry.connectionId === where.connectionId &&
          entry.bucket === where.bucket &&
          folder.startsWith(entry.prefix),
      )
      .flatMap((entry) => entry.actions),
  );
}

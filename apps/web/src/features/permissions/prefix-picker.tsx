// The grant form's prefix: picked from the bucket's folders, one level at a time (typing "team-a/"
// offers team-a's sub-folders), or typed freely, with a warning when the folder does not exist yet
// (a grant may name a folder before anyone uploads to it).
import { Autocomplete, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchListing, type BucketRef } from '../files/files-api';

/** The folder whose children are offered: everything up to the last '/' typed. */
export function parentFolder(prefix: string): string {
  return prefix.slice(0, prefix.lastIndexOf('/') + 1);
}

/** One listing of a folder's sub-folders (up to 1,000: enough to pick from, and one call). */
function useSubFolders(where: BucketRef | null, folder: string | null) {
  const [state, setState] = useState<{ key: string; folders: string[] } | null>(null);
  const connectionId = where?.connectionId;
  const bucket = where?.bucket;
  const key = `${connectionId}|${bucket}|${folder}`;
  useEffect(() => {
    if (!connectionId || !bucket || folder === null) return;
    let current = true;
    fetchListing({ connectionId, bucket }, folder, undefined, 1000)
      .then((listing) => {
        if (current) setState({ key, folders: listing.folders.map((f) => f.prefix) });
      })
      // Not listable (a bucket name still being typed, no access): typing still works.
      .catch(() => {
        if (current) setState({ key, folders: [] });
      });
    return () => {
      current = false;
    };
  }, [connectionId, bucket, folder, key]);
  return state?.key === key ? state.folders : null;
}

export function PrefixPicker({
  where,
  value,
  onChange,
}: {
  where: BucketRef | null;
  value: string;
  onChange: (prefix: string) => void;
}) {
  const { t } = useTranslation();
  // Offered: the sub-folders of the level being typed ("team-a/" offers team-a's children).
  const folders = useSubFolders(where, parentFolder(value));
  // A folder-shaped prefix exists when its parent's listing shows it.
  const folderShaped = value !== '' && value.endsWith('/');
  const siblings = useSubFolders(where, folderShaped ? parentFolder(value.slice(0, -1)) : null);
  const missing = folderShaped && siblings !== null && !siblings.includes(value);
  return (
    <Autocomplete
      freeSolo
      options={folders ?? []}
      loading={where !== null && folders === null}
      inputValue={value}
      onInputChange={(_, next) => onChange(next)}
      filterOptions={(options) => options.filter((option) => option.startsWith(value))}
      renderInput={(params) => (
        <TextField
          {...params}
          label={t('permissions.dialog.prefix')}
          placeholder="team-a/"
          helperText={
            missing ? t('permissions.dialog.prefixMissing') : t('permissions.dialog.prefixHelp')
          }
          slotProps={{
            ...params.slotProps,
            formHelperText: missing ? { sx: { color: 'warning.main' } } : undefined,
          }}
        />
      )}
    />
  );
}

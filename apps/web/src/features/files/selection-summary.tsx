// The line above the folder table: how many folders and files the folder holds (or how many are
// loaded, and that sorting covers only those), and what is selected.
import { Stack, Typography } from '@mui/material';
import { formatBytes } from '../common/format-bytes';
import { i18n } from '../i18n/i18n';
import { useTranslation } from 'react-i18next';

// i18n.t at call time: the components calling these re-render when the language changes.
function itemsText(folders: number, files: number): string {
  const t = i18n.t;
  if (folders === 0) return t('files.summary.files', { count: files });
  if (files === 0) return t('files.summary.folders', { count: folders });
  return t('files.summary.foldersAndFiles', {
    folders: t('files.summary.folders', { count: folders }),
    files: t('files.summary.files', { count: files }),
  });
}

/** What the header checkbox selects, said before it is clicked (its label and tooltip). */
export function selectAllLabel(folders: number, files: number, complete: boolean): string {
  if (folders + files === 0) return i18n.t('files.summary.nothingToSelect');
  const items = itemsText(folders, files);
  return complete
    ? i18n.t('files.summary.selectAll', { items })
    : i18n.t('files.summary.selectLoaded', { items });
}

export function SelectionSummary({
  folders,
  objects,
  complete,
  loading,
  selected,
}: {
  folders: { prefix: string }[];
  objects: { key: string; size: number }[];
  complete: boolean;
  loading: boolean;
  selected: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  const bytes = objects.reduce((sum, object) => sum + object.size, 0);
  const pickedFolders = folders.filter((folder) => selected.has(folder.prefix)).length;
  const pickedFiles = objects.filter((object) => selected.has(object.key));
  const pickedBytes = pickedFiles.reduce((sum, object) => sum + object.size, 0);
  const total = folders.length + objects.length;
  const everything = pickedFolders + pickedFiles.length === total && total > 0;
  return (
    <Stack
      direction={{ xs: 'column', sm: 'row' }}
      spacing={{ xs: 0, sm: 2 }}
      sx={{ px: 1, py: 0.5, minHeight: 32, alignItems: { sm: 'center' } }}
      data-testid="listing-summary"
    >
      <Typography variant="body2" color="text.secondary" role="status">
        {loading && (total === 0 || !complete)
          ? total > 0
            ? t('files.summary.loadingSoFar', { items: t('files.summary.items', { count: total }) })
            : t('files.summary.loading')
          : complete
            ? t('files.summary.total', {
                items: itemsText(folders.length, objects.length),
                size: formatBytes(bytes),
              })
            : t('files.summary.firstLoaded', { items: itemsText(folders.length, objects.length) })}
      </Typography>
      {selected.size > 0 && (
        <Typography variant="body2" sx={{ fontWeight: 500 }} data-testid="selection-summary">
          {everything
            ? complete
              ? t('files.summary.allInFolder', {
                  items: t('files.summary.items', { count: total }),
                })
              : t('files.summary.allLoaded', {
                  items: t('files.summary.loadedItems', { count: total }),
                })
            : t('files.summary.selected', { items: itemsText(pickedFolders, pickedFiles.length) })}
          {pickedFiles.length > 0
            ? t('files.summary.inFiles', { size: formatBytes(pickedBytes) })
            : ''}
        </Typography>
      )}
    </Stack>
  );
}

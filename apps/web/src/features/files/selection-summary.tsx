// The line above the folder table: how many folders and files the folder holds (or how many are
// loaded, and that sorting covers only those), and what is selected.
import { Stack, Typography } from '@mui/material';
import { formatBytes } from '../common/format-bytes';

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}

function itemsText(folders: number, files: number): string {
  if (folders === 0) return plural(files, 'file', 'files');
  if (files === 0) return plural(folders, 'folder', 'folders');
  return `${plural(folders, 'folder', 'folders')} and ${plural(files, 'file', 'files')}`;
}

/** What the header checkbox selects, said before it is clicked (its label and tooltip). */
export function selectAllLabel(folders: number, files: number, complete: boolean): string {
  if (folders + files === 0) return 'Nothing to select';
  return complete
    ? `Select all ${itemsText(folders, files)} in this folder`
    : `Select the ${itemsText(folders, files)} loaded so far (the folder holds more)`;
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
          ? `Loading…${total > 0 ? ` ${plural(total, 'item', 'items')} so far` : ''}`
          : complete
            ? `${itemsText(folders.length, objects.length)} · ${formatBytes(bytes)}`
            : `First ${itemsText(folders.length, objects.length)} loaded: sorting and “select all” cover what is loaded`}
      </Typography>
      {selected.size > 0 && (
        <Typography variant="body2" sx={{ fontWeight: 500 }} data-testid="selection-summary">
          {everything
            ? complete
              ? `All ${plural(total, 'item', 'items')} in this folder selected`
              : `All ${plural(total, 'loaded item', 'loaded items')} selected`
            : `${itemsText(pickedFolders, pickedFiles.length)} selected`}
          {pickedFiles.length > 0 ? ` (${formatBytes(pickedBytes)} in files)` : ''}
        </Typography>
      )}
    </Stack>
  );
}

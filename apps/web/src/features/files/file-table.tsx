// A folder's contents as a table: sortable columns, selection of files and folders, thumbnails
// or type icons, and per-object actions.
import DownloadOutlined from '@mui/icons-material/DownloadOutlined';
import FolderOutlined from '@mui/icons-material/FolderOutlined';
import LinkOutlined from '@mui/icons-material/LinkOutlined';
import {
  Box,
  Button,
  Checkbox,
  IconButton,
  Link,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TableSortLabel,
  Tooltip,
} from '@mui/material';
import type { ReactNode } from 'react';
import { formatBytes } from '../common/format-bytes';
import type { BucketRef } from './files-api';
import { formatDate } from './format';
import { ObjectThumbnail } from './object-thumbnail';
import { selectAllLabel } from './selection-summary';
import { sortEntries, type SortField, type SortOrder } from './sort-entries';
import { useRowWindow } from './use-row-window';
import type { FolderEntry, ObjectEntry } from './use-folder-listing';
import { useTranslation } from 'react-i18next';

export interface ObjectActions {
  onDetails: (object: ObjectEntry) => void;
  onDownload: (object: ObjectEntry) => void;
  onCopyLink: (object: ObjectEntry) => void;
}

const hideOnPhone = { display: { xs: 'none', sm: 'table-cell' } };

function SortHeader({
  field,
  label,
  order,
  onSort,
}: {
  field: SortField;
  label: string;
  order: SortOrder;
  onSort: (order: SortOrder) => void;
}) {
  const active = order.field === field;
  return (
    <TableSortLabel
      active={active}
      direction={active ? order.direction : 'asc'}
      onClick={() =>
        onSort({ field, direction: active && order.direction === 'asc' ? 'desc' : 'asc' })
      }
    >
      {label}
    </TableSortLabel>
  );
}

function NameCell({ icon, children }: { icon: ReactNode; children: ReactNode }) {
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', minWidth: 0 }}>
      {icon}
      <Box sx={{ overflowWrap: 'anywhere', minWidth: 0 }}>{children}</Box>
    </Stack>
  );
}

export function FileTable({
  where,
  folders,
  objects,
  complete,
  order,
  onSort,
  selected,
  onSelectedChange,
  canRead,
  selectable,
  onOpenFolder,
  actions,
}: {
  where: BucketRef;
  folders: FolderEntry[];
  objects: ObjectEntry[];
  /** False when the folder holds more than is loaded (select all then covers what is loaded). */
  complete: boolean;
  order: SortOrder;
  onSort: (order: SortOrder) => void;
  /** Object keys and folder prefixes (ending in '/'). */
  selected: Set<string>;
  onSelectedChange: (selected: Set<string>) => void;
  canRead: boolean;
  /** Some action applies to a selection (delete, ZIP, move): show the checkboxes. */
  selectable: boolean;
  onOpenFolder: (prefix: string) => void;
  actions: ObjectActions;
}) {
  const { t } = useTranslation();
  const sorted = sortEntries(folders, objects, order);
  const rows = useRowWindow(folders.length + objects.length);
  const shownFolders = sorted.folders.slice(0, rows.limit);
  const shownObjects = sorted.objects.slice(0, Math.max(0, rows.limit - shownFolders.length));
  const everything = [...folders.map((f) => f.prefix), ...objects.map((o) => o.key)];
  const allSelected = everything.length > 0 && everything.every((id) => selected.has(id));
  const checkboxCell = selectable ? undefined : { display: 'none' };
  const toggle = (key: string) => {
    const next = new Set(selected);
    if (!next.delete(key)) next.add(key);
    onSelectedChange(next);
  };
  return (
    <Table size="small" aria-label={t('files.table.label')}>
      <TableHead>
        <TableRow>
          <TableCell padding="checkbox" sx={checkboxCell}>
            <Tooltip title={selectAllLabel(folders.length, objects.length, complete)}>
              <Checkbox
                checked={allSelected}
                indeterminate={!allSelected && selected.size > 0}
                disabled={everything.length === 0}
                onChange={() => onSelectedChange(allSelected ? new Set() : new Set(everything))}
                slotProps={{
                  input: { 'aria-label': selectAllLabel(folders.length, objects.length, complete) },
                }}
              />
            </Tooltip>
          </TableCell>
          <TableCell>
            <SortHeader field="name" label={t('files.table.name')} order={order} onSort={onSort} />
          </TableCell>
          <TableCell align="right" sx={hideOnPhone}>
            <SortHeader field="size" label={t('files.table.size')} order={order} onSort={onSort} />
          </TableCell>
          <TableCell sx={hideOnPhone}>
            <SortHeader
              field="modified"
              label={t('files.table.modified')}
              order={order}
              onSort={onSort}
            />
          </TableCell>
          <TableCell align="right">
            <Box component="span" sx={{ display: { xs: 'none', sm: 'inline' } }}>
              {t('files.table.actions')}
            </Box>
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {shownFolders.map((folder) => (
          <TableRow key={folder.prefix} hover selected={selected.has(folder.prefix)}>
            <TableCell padding="checkbox" sx={checkboxCell}>
              <Checkbox
                checked={selected.has(folder.prefix)}
                onChange={() => toggle(folder.prefix)}
                slotProps={{
                  input: { 'aria-label': t('files.table.selectFolder', { name: folder.name }) },
                }}
              />
            </TableCell>
            <TableCell>
              <NameCell icon={<FolderOutlined color="primary" fontSize="small" />}>
                <Link component="button" onClick={() => onOpenFolder(folder.prefix)}>
                  {folder.name}
                </Link>
              </NameCell>
            </TableCell>
            <TableCell align="right" sx={hideOnPhone}>
              —
            </TableCell>
            <TableCell sx={hideOnPhone}>—</TableCell>
            <TableCell />
          </TableRow>
        ))}
        {shownObjects.map((object) => (
          <TableRow key={object.key} hover selected={selected.has(object.key)}>
            <TableCell padding="checkbox" sx={checkboxCell}>
              <Checkbox
                checked={selected.has(object.key)}
                onChange={() => toggle(object.key)}
                slotProps={{
                  input: { 'aria-label': t('files.table.select', { name: object.name }) },
                }}
              />
            </TableCell>
            <TableCell>
              <NameCell icon={<ObjectThumbnail where={where} object={object} canRead={canRead} />}>
                {canRead ? (
                  <Link
                    component="button"
                    color="inherit"
                    underline="hover"
                    onClick={() => actions.onDetails(object)}
                    sx={{ textAlign: 'left' }}
                  >
                    {object.name}
                  </Link>
                ) : (
                  object.name
                )}
                <Box
                  component="span"
                  sx={{
                    display: { xs: 'block', sm: 'none' },
                    color: 'text.secondary',
                    fontSize: 12,
                  }}
                >
                  {formatBytes(object.size)}
                </Box>
              </NameCell>
            </TableCell>
            <TableCell align="right" sx={{ ...hideOnPhone, whiteSpace: 'nowrap' }}>
              {formatBytes(object.size)}
            </TableCell>
            <TableCell sx={{ ...hideOnPhone, whiteSpace: 'nowrap' }}>
              {formatDate(object.lastModified)}
            </TableCell>
            <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
              {canRead && (
                <>
                  <Tooltip title={t('files.table.download')}>
                    <IconButton
                      size="small"
                      aria-label={t('files.table.downloadName', { name: object.name })}
                      onClick={() => actions.onDownload(object)}
                    >
                      <DownloadOutlined fontSize="small" />
                    </IconButton>
                  </Tooltip>
                  <Tooltip title={t('files.table.copyLink')}>
                    <IconButton
                      size="small"
                      aria-label={t('files.table.copyLinkTo', { name: object.name })}
                      onClick={() => actions.onCopyLink(object)}
                    >
                      <LinkOutlined fontSize="small" />
                    </IconButton>
                  </Tooltip>
                </>
              )}
            </TableCell>
          </TableRow>
        ))}
        {rows.remaining > 0 && (
          <TableRow ref={rows.sentinel}>
            <TableCell colSpan={5} align="center">
              <Button size="small" onClick={rows.showMore}>
                {t('files.table.showMore', { count: rows.remaining })}
              </Button>
            </TableCell>
          </TableRow>
        )}
      </TableBody>
    </Table>
  );
}

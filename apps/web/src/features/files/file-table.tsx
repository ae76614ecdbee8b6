// A folder's contents as a table: sortable columns, object selection and per-object actions.
import DownloadOutlined from '@mui/icons-material/DownloadOutlined';
import FolderOutlined from '@mui/icons-material/FolderOutlined';
import InsertDriveFileOutlined from '@mui/icons-material/InsertDriveFileOutlined';
import LinkOutlined from '@mui/icons-material/LinkOutlined';
import {
  Box,
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
import { formatDate } from './format';
import { sortEntries, type SortField, type SortOrder } from './sort-entries';
import type { FolderEntry, ObjectEntry } from './use-folder-listing';

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
  folders,
  objects,
  order,
  onSort,
  selected,
  onSelectedChange,
  canRead,
  canDelete,
  onOpenFolder,
  actions,
}: {
  folders: FolderEntry[];
  objects: ObjectEntry[];
  order: SortOrder;
  onSort: (order: SortOrder) => void;
  selected: Set<string>;
  onSelectedChange: (selected: Set<string>) => void;
  canRead: boolean;
  canDelete: boolean;
  onOpenFolder: (prefix: string) => void;
  actions: ObjectActions;
}) {
  const sorted = sortEntries(folders, objects, order);
  const allSelected = objects.length > 0 && objects.every((o) => selected.has(o.key));
  const toggle = (key: string) => {
    const next = new Set(selected);
    if (!next.delete(key)) next.add(key);
    onSelectedChange(next);
  };
  return (
    <Table size="small" aria-label="Folder contents">
      <TableHead>
        <TableRow>
          <TableCell padding="checkbox" sx={canDelete ? undefined : { display: 'none' }}>
            <Checkbox
              checked={allSelected}
              indeterminate={!allSelected && selected.size > 0}
              disabled={objects.length === 0}
              onChange={() =>
                onSelectedChange(allSelected ? new Set() : new Set(objects.map((o) => o.key)))
              }
              slotProps={{ input: { 'aria-label': 'Select all files' } }}
            />
          </TableCell>
          <TableCell>
            <SortHeader field="name" label="Name" order={order} onSort={onSort} />
          </TableCell>
          <TableCell align="right" sx={hideOnPhone}>
            <SortHeader field="size" label="Size" order={order} onSort={onSort} />
          </TableCell>
          <TableCell sx={hideOnPhone}>
            <SortHeader field="modified" label="Modified" order={order} onSort={onSort} />
          </TableCell>
          <TableCell align="right">
            <Box component="span" sx={{ display: { xs: 'none', sm: 'inline' } }}>
              Actions
            </Box>
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {sorted.folders.map((folder) => (
          <TableRow key={folder.prefix} hover>
            <TableCell padding="checkbox" sx={canDelete ? undefined : { display: 'none' }} />
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
        {sorted.objects.map((object) => (
          <TableRow key={object.key} hover selected={selected.has(object.key)}>
            <TableCell padding="checkbox" sx={canDelete ? undefined : { display: 'none' }}>
              <Checkbox
                checked={selected.has(object.key)}
                onChange={() => toggle(object.key)}
                slotProps={{ input: { 'aria-label': `Select ${object.name}` } }}
              />
            </TableCell>
            <TableCell>
              <NameCell icon={<InsertDriveFileOutlined color="action" fontSize="small" />}>
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
                  <Tooltip title="Download">
                    <IconButton
                      size="small"
                      aria-label={`Download ${object.name}`}
                      onClick={() => actions.onDownload(object)}
                    >
                      <DownloadOutlined fontSize="small" />
                    </IconButton>
                  </Tooltip>
                  <Tooltip title="Copy link">
                    <IconButton
                      size="small"
                      aria-label={`Copy link to ${object.name}`}
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
      </TableBody>
    </Table>
  );
}

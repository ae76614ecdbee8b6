// Toolbar buttons for the selected files and folders: Delete (files at once; with folders, each
// folder counted first and deleted as a job) and Move/Copy into another folder.
import ContentCopyOutlined from '@mui/icons-material/ContentCopyOutlined';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import DriveFileMoveOutlined from '@mui/icons-material/DriveFileMoveOutlined';
import { Button } from '@mui/material';
import { useState } from 'react';
import { DeleteObjectsDialog } from './delete-objects-dialog';
import { DeleteSelectionDialog } from './delete-selection-dialog';
import type { BucketRef } from './files-api';
import { MoveSelectionDialog } from './move-selection-dialog';
import { useTranslation } from 'react-i18next';

export function SelectionActions({
  where,
  prefix,
  allowed,
  selected,
  onSelectedChange,
  onChanged,
}: {
  where: BucketRef;
  prefix: string;
  allowed: ReadonlySet<string>;
  selected: Set<string>;
  onSelectedChange: (selected: Set<string>) => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [deleting, setDeleting] = useState<string[]>([]);
  const [moving, setMoving] = useState<{ items: string[]; copy: boolean }>({
    items: [],
    copy: false,
  });
  const withFolders = deleting.some((item) => item.endsWith('/'));
  const count = selected.size ? ` (${selected.size})` : '';
  const canRead = allowed.has('read');
  const canWrite = allowed.has('write');
  const canDelete = allowed.has('delete');
  return (
    <>
      {canDelete && (
        <Button
          color="error"
          startIcon={<DeleteOutlined />}
          disabled={selected.size === 0}
          onClick={() => setDeleting([...selected])}
        >
          {t('files.toolbar.delete')}
          {count}
        </Button>
      )}
      {canRead && canWrite && canDelete && selected.size > 0 && (
        <Button
          startIcon={<DriveFileMoveOutlined />}
          onClick={() => setMoving({ items: [...selected], copy: false })}
        >
          {t('files.toolbar.move')}
          {count}
        </Button>
      )}
      {canRead && canWrite && selected.size > 0 && (
        <Button
          startIcon={<ContentCopyOutlined />}
          onClick={() => setMoving({ items: [...selected], copy: true })}
        >
          {t('files.toolbar.copy')}
          {count}
        </Button>
      )}
      <DeleteObjectsDialog
        where={where}
        keys={withFolders ? [] : deleting}
        onClose={() => setDeleting([])}
        onDeleted={(deleted) => {
          onSelectedChange(new Set([...selected].filter((key) => !deleted.includes(key))));
          onChanged();
        }}
      />
      <DeleteSelectionDialog
        where={where}
        items={withFolders ? deleting : []}
        onClose={() => setDeleting([])}
        onDeleted={() => {
          onSelectedChange(new Set());
          onChanged();
        }}
      />
      <MoveSelectionDialog
        where={where}
        items={moving.items}
        from={prefix}
        copy={moving.copy}
        onClose={() => setMoving({ items: [], copy: false })}
        onChanged={() => {
          onSelectedChange(new Set());
          onChanged();
        }}
      />
    </>
  );
}

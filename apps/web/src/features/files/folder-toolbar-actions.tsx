// Toolbar actions on the open folder and the selection: download as one ZIP (assembled in the
// browser), and a folder menu to rename/move, copy or delete the folder with everything in it.
import ArchiveOutlined from '@mui/icons-material/ArchiveOutlined';
import FolderOutlined from '@mui/icons-material/FolderOutlined';
import { Alert, Button, Menu, MenuItem, Snackbar } from '@mui/material';
import { useState } from 'react';
import { problemMessage } from '../../api/problem';
import { FolderLinkButtons } from '../shares/link-buttons';
import { DeleteFolderDialog } from './delete-folder-dialog';
import type { BucketRef } from './files-api';
import { MoveDialog, type MoveTarget } from './move-dialog';
import { collectFolder, downloadAsZip, type ZipEntry } from './zip-download';
import { useTranslation } from 'react-i18next';

interface ListedObject {
  key: string;
  name: string;
  size: number;
  lastModified: string | null;
}

function folderName(prefix: string, fallback: string): string {
  const trimmed = prefix.slice(0, -1);
  return trimmed.slice(trimmed.lastIndexOf('/') + 1) || fallback;
}

export function FolderToolbarActions({
  where,
  prefix,
  allowed,
  selected,
  objects,
  folders,
  onChanged,
  onLeaveFolder,
}: {
  where: BucketRef;
  /** The open folder: '' (bucket root) or ending in '/'. */
  prefix: string;
  allowed: ReadonlySet<string>;
  /** Object keys and folder prefixes. */
  selected: Set<string>;
  objects: ListedObject[];
  folders: { prefix: string }[];
  onChanged: () => void;
  /** After the open folder moved away or was deleted. */
  onLeaveFolder: () => void;
}) {
  const { t } = useTranslation();
  const [menu, setMenu] = useState<HTMLElement | null>(null);
  const [moving, setMoving] = useState<MoveTarget | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [zipState, setZipState] = useState<{ message: string; error?: boolean } | null>(null);
  const [zipping, setZipping] = useState(false);

  const zip = async () => {
    setZipping(true);
    try {
      const picked = objects.filter((o) => selected.has(o.key));
      const pickedFolders = folders.filter((f) => selected.has(f.prefix));
      // A selected folder's files keep their path below the open folder (`sub/a.txt`).
      const inFolders = (
        await Promise.all(pickedFolders.map((f) => collectFolder(where, f.prefix)))
      )
        .flat()
        .map((entry) => ({ ...entry, name: entry.key.slice(prefix.length) }));
      const entries: ZipEntry[] =
        picked.length + pickedFolders.length > 0
          ? [
              ...picked.map((o) => ({
                key: o.key,
                name: o.name,
                size: o.size,
                lastModified: o.lastModified,
              })),
              ...inFolders,
            ]
          : await collectFolder(where, prefix);
      if (entries.length === 0) {
        setZipState({ message: t('files.toolbar.zipEmpty'), error: true });
        return;
      }
      const name = `${folderName(prefix, where.bucket)}.zip`;
      setZipState({ message: t('files.toolbar.zipPreparing', { count: entries.length }) });
      await downloadAsZip(where, entries, name, (done) =>
        setZipState({
          message: t('files.toolbar.zipProgress', { done, count: entries.length }),
        }),
      );
      setZipState({ message: t('files.toolbar.zipDone', { name, count: entries.length }) });
    } catch (caught) {
      if ((caught as Error).name !== 'AbortError')
        setZipState({ message: problemMessage(caught), error: true });
      else setZipState(null);
    } finally {
      setZipping(false);
    }
  };

  const canRead = allowed.has('read');
  const inFolder = prefix !== '';
  const canMove = inFolder && canRead && allowed.has('write') && allowed.has('delete');
  const canCopy = inFolder && canRead && allowed.has('write');
  const canDelete = inFolder && allowed.has('delete');
  return (
    <>
      {canRead && (
        <Button startIcon={<ArchiveOutlined />} disabled={zipping} onClick={() => void zip()}>
          {selected.size > 0
            ? t('files.toolbar.downloadZip', { count: selected.size })
            : t('files.toolbar.downloadFolderZip')}
        </Button>
      )}
      <FolderLinkButtons where={where} prefix={prefix} allowed={allowed} />
      {(canMove || canCopy || canDelete) && (
        <Button
          startIcon={<FolderOutlined />}
          aria-haspopup="menu"
          onClick={(event) => setMenu(event.currentTarget)}
        >
          {t('files.toolbar.folder')}
        </Button>
      )}
      <Menu anchorEl={menu} open={menu !== null} onClose={() => setMenu(null)}>
        {canMove && (
          <MenuItem onClick={() => (setMenu(null), setMoving({ source: prefix, copy: false }))}>
            {t('files.toolbar.renameFolder')}
          </MenuItem>
        )}
        {canCopy && (
          <MenuItem onClick={() => (setMenu(null), setMoving({ source: prefix, copy: true }))}>
            {t('files.toolbar.copyFolder')}
          </MenuItem>
        )}
        {canDelete && (
          <MenuItem
            onClick={() => (setMenu(null), setDeleting(prefix))}
            sx={{ color: 'error.main' }}
          >
            {t('files.toolbar.deleteFolder')}
          </MenuItem>
        )}
      </Menu>
      <MoveDialog
        where={where}
        target={moving}
        onClose={() => setMoving(null)}
        onChanged={moving?.copy ? onChanged : onLeaveFolder}
      />
      <DeleteFolderDialog
        where={where}
        prefix={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={onLeaveFolder}
      />
      <Snackbar
        open={zipState !== null}
        autoHideDuration={zipping ? null : 6000}
        onClose={() => setZipState(null)}
      >
        <Alert
          severity={zipState?.error ? 'error' : 'info'}
          onClose={() => setZipState(null)}
          variant="filled"
        >
          {zipState?.message}
        </Alert>
      </Snackbar>
    </>
  );
}

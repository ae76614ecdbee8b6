// Rename, move or copy one object or a whole folder. An object is done at once; a folder is a
// queued operation whose progress the dialog follows until it ends.
import {
  Alert,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  TextField,
} from '@mui/material';
import { useState, type FormEvent } from 'react';
import type { FileOperation } from '@s3am/contracts';
import { problemMessage } from '../../api/problem';
import { api } from '../../api/api-client';
import type { BucketRef } from './files-api';
import { OperationProgress } from './operation-progress';
import { useFileOperation } from './use-file-operation';
import { useTranslation } from 'react-i18next';

export interface MoveTarget {
  /** An object key, or a folder prefix ending in '/'. */
  source: string;
  copy: boolean;
}

export function MoveDialog({
  where,
  target,
  onClose,
  onChanged,
}: {
  where: BucketRef;
  target: MoveTarget | null;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [destination, setDestination] = useState('');
  const [overwrite, setOverwrite] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [started, setStarted] = useState<FileOperation | null>(null);
  const [shown, setShown] = useState<MoveTarget | null>(null);
  if (target && target !== shown) {
    setShown(target);
    setDestination(target.source);
    setOverwrite(false);
    setError(null);
    setStarted(null);
  }
  const { operation, finished } = useFileOperation(started);
  const isFolder = shown?.source.endsWith('/') ?? false;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!shown) return;
    setBusy(true);
    setError(null);
    try {
      const to = isFolder && !destination.endsWith('/') ? `${destination}/` : destination;
      const result = await api.moveFiles({
        body: {
          ...where,
          from: shown.source,
          to,
          copy: shown.copy,
          overwrite,
        },
      });
      if (result.kind === 'folder') setStarted(result.operation);
      else {
        onChanged();
        onClose();
      }
    } catch (caught) {
      setError(problemMessage(caught));
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    if (started) onChanged();
    onClose();
  };

  return (
    <Dialog open={target !== null} onClose={close} fullWidth maxWidth="sm">
      <form onSubmit={(e) => void submit(e)}>
        <DialogTitle>
          {shown?.copy
            ? t(isFolder ? 'files.move.titleCopyFolder' : 'files.move.titleCopyFile')
            : t(isFolder ? 'files.move.titleMoveFolder' : 'files.move.titleMoveFile')}
        </DialogTitle>
        <DialogContent>
          {!started && (
            <>
              <TextField
                autoFocus
                fullWidth
                margin="dense"
                label={isFolder ? t('files.move.newFolderPath') : t('files.move.newPath')}
                helperText={t('files.move.from', {
                  source: shown?.source ?? '',
                  bucket: where.bucket,
                })}
                value={destination}
                onChange={(e) => setDestination(e.target.value)}
                slotProps={{ htmlInput: { spellCheck: false } }}
              />
              <FormControlLabel
                control={
                  <Checkbox checked={overwrite} onChange={(e) => setOverwrite(e.target.checked)} />
                }
                label={t('files.move.overwrite')}
              />
            </>
          )}
          {operation && <OperationProgress operation={operation} />}
          {error && (
            <Alert severity="error" sx={{ mt: 1 }}>
              {error}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>{started ? t('common.close') : t('common.cancel')}</Button>
          {!started && (
            <Button
              type="submit"
              variant="contained"
              disabled={busy || !destination || destination === shown?.source}
            >
              {shown?.copy ? t('files.move.copy') : t('files.move.move')}
            </Button>
          )}
          {started && !finished && <Button disabled>{t('files.move.working')}</Button>}
        </DialogActions>
      </form>
    </Dialog>
  );
}

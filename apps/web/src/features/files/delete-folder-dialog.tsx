// Deletes a folder and everything in it: shows how many objects and bytes first, then the
// queued delete's progress and any objects storage refused.
import {
  Alert,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
} from '@mui/material';
import { useState } from 'react';
import type { FileOperation } from '@s3am/contracts';
import { problemMessage } from '../../api/problem';
import { formatBytes } from '../common/format-bytes';
import { useApiQuery } from '../common/use-api-query';
import { deleteFolder, fetchFolderSummary } from './file-operations-api';
import type { BucketRef } from './files-api';
import { OperationProgress } from './operation-progress';
import { useFileOperation } from './use-file-operation';
import { Trans, useTranslation } from 'react-i18next';

export function DeleteFolderDialog({
  where,
  prefix,
  onClose,
  onDeleted,
}: {
  where: BucketRef;
  /** The folder to delete, or null when the dialog is closed. */
  prefix: string | null;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const [started, setStarted] = useState<FileOperation | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const summary = useApiQuery(
    async () => (prefix ? fetchFolderSummary(where, prefix) : null),
    [prefix, where.connectionId, where.bucket],
  );
  const { operation, finished } = useFileOperation(started);
  const confirm = async () => {
    if (!prefix) return;
    setBusy(true);
    setError(null);
    try {
      setStarted(await deleteFolder(where, prefix));
    } catch (caught) {
      setError(problemMessage(caught));
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    if (started) onDeleted();
    setStarted(null);
    setError(null);
    onClose();
  };
  const counted = summary.data;
  return (
    <Dialog open={prefix !== null} onClose={close} fullWidth maxWidth="xs">
      <DialogTitle>{t('files.deleteFolder.title')}</DialogTitle>
      <DialogContent>
        {!started && (
          <DialogContentText component="div">
            {summary.loading && (
              <CircularProgress size={20} aria-label={t('files.deleteFolder.counting')} />
            )}
            {counted && (
              <Trans
                i18nKey={
                  counted.complete ? 'files.deleteFolder.confirm' : 'files.deleteFolder.confirmMore'
                }
                values={{ prefix, count: counted.objects, size: formatBytes(counted.bytes) }}
                components={{ strong: <strong /> }}
              />
            )}
          </DialogContentText>
        )}
        {operation && <OperationProgress operation={operation} />}
        {(error ?? summary.error) && (
          <Alert severity="error" sx={{ mt: 1 }}>
            {error ?? summary.error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>{started ? t('common.close') : t('common.cancel')}</Button>
        {!started && (
          <Button
            color="error"
            variant="contained"
            disabled={busy || !counted}
            onClick={() => void confirm()}
          >
            {t('files.deleteFolder.delete')}
          </Button>
        )}
        {started && !finished && <Button disabled>{t('files.deleteFolder.deleting')}</Button>}
      </DialogActions>
    </Dialog>
  );
}

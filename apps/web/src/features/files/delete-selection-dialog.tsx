// Deletes a selection that holds folders (and maybe files): shows each folder's object count and
// size first, deletes the files at once and each folder as a queued job with its progress, and
// lists what storage refused.
import {
  Alert,
  Box,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
} from '@mui/material';
import { useCallback, useState } from 'react';
import type { FileOperation } from '@s3am/contracts';
import { problemMessage } from '../../api/problem';
import { formatBytes } from '../common/format-bytes';
import { useApiQuery } from '../common/use-api-query';
import { deleteFolder, fetchFolderSummary } from './file-operations-api';
import { deleteObjects, type BucketRef } from './files-api';
import { FolderJobList } from './folder-job-list';
import { useTranslation } from 'react-i18next';

export function DeleteSelectionDialog({
  where,
  items,
  onClose,
  onDeleted,
}: {
  where: BucketRef;
  /** Object keys and folder prefixes (ending in '/'); empty when closed. */
  items: string[];
  onClose: () => void;
  onDeleted: () => void;
}) {
  const open = items.length > 0;
  const { t } = useTranslation();
  const folders = items.filter((item) => item.endsWith('/'));
  const files = items.filter((item) => !item.endsWith('/'));
  const [jobs, setJobs] = useState<{ label: string; operation: FileOperation }[]>([]);
  const [finished, setFinished] = useState<Set<string>>(new Set());
  const [started, setStarted] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const summaries = useApiQuery(
    async () => (open ? Promise.all(folders.map((f) => fetchFolderSummary(where, f))) : null),
    [items, where.connectionId, where.bucket],
  );
  const markFinished = useCallback(
    (id: string) => setFinished((done) => (done.has(id) ? done : new Set([...done, id]))),
    [],
  );

  const confirm = async () => {
    setBusy(true);
    setStarted(true);
    const failed: string[] = [];
    try {
      for (let i = 0; i < files.length; i += 1000) {
        const result = await deleteObjects(where, files.slice(i, i + 1000));
        failed.push(...result.errors.map((e) => `${e.key}: ${e.message}`));
      }
    } catch (caught) {
      failed.push(problemMessage(caught));
    }
    const queued: { label: string; operation: FileOperation }[] = [];
    for (const folder of folders) {
      try {
        queued.push({ label: folder, operation: await deleteFolder(where, folder) });
      } catch (caught) {
        failed.push(`${folder}: ${problemMessage(caught)}`);
      }
    }
    setJobs(queued);
    setErrors(failed);
    setBusy(false);
  };
  const close = () => {
    if (started) onDeleted();
    setJobs([]);
    setFinished(new Set());
    setStarted(false);
    setErrors([]);
    onClose();
  };
  const done = started && !busy && jobs.every((job) => finished.has(job.operation.id));
  const counted = summaries.data;
  const objectsInFolders = counted?.reduce((sum, s) => sum + s.objects, 0) ?? 0;
  const bytesInFolders = counted?.reduce((sum, s) => sum + s.bytes, 0) ?? 0;

  return (
    <Dialog open={open} onClose={close} fullWidth maxWidth="sm">
      <DialogTitle>{t('files.deleteSelection.title')}</DialogTitle>
      <DialogContent>
        {!started && (
          <DialogContentText component="div">
            {summaries.loading && (
              <CircularProgress size={20} aria-label={t('files.deleteFolder.counting')} />
            )}
            {counted && (
              <>
                {t('files.deleteSelection.confirm', {
                  what:
                    files.length > 0
                      ? t('files.deleteSelection.filesAndFolders', {
                          files: files.length,
                          folders: folders.length,
                        })
                      : t('files.deleteSelection.foldersOnly', { folders: folders.length }),
                  amount: t(
                    counted.every((s) => s.complete)
                      ? 'files.deleteSelection.objects'
                      : 'files.deleteSelection.moreThanObjects',
                    { count: objectsInFolders, size: formatBytes(bytesInFolders) },
                  ),
                })}
                <Box
                  component="ul"
                  sx={{ pl: 2, maxHeight: 180, overflow: 'auto', wordBreak: 'break-all' }}
                >
                  {folders.map((folder, i) => (
                    <li key={folder}>
                      {folder} —{' '}
                      {t(
                        counted[i]?.complete
                          ? 'files.deleteSelection.objects'
                          : 'files.deleteSelection.moreThanObjects',
                        {
                          count: counted[i]?.objects ?? 0,
                          size: formatBytes(counted[i]?.bytes ?? 0),
                        },
                      )}
                    </li>
                  ))}
                  {files.map((file) => (
                    <li key={file}>{file}</li>
                  ))}
                </Box>
              </>
            )}
          </DialogContentText>
        )}
        <FolderJobList jobs={jobs} onFinished={markFinished} />
        {started && !busy && jobs.length === 0 && errors.length === 0 && (
          <Alert severity="success" sx={{ mt: 1 }}>
            {t('files.deleteSelection.done')}
          </Alert>
        )}
        {(errors.length > 0 || summaries.error) && (
          <Alert severity="error" sx={{ mt: 1 }}>
            {summaries.error ?? t('files.deleteSelection.notDeleted', { list: errors.join('; ') })}
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
            {t('files.deleteSelection.delete')}
          </Button>
        )}
        {started && !done && <Button disabled>{t('files.deleteFolder.deleting')}</Button>}
      </DialogActions>
    </Dialog>
  );
}

// Moves (or copies) the selected files and folders into another folder of the bucket: files
// right away, each folder as a queued job whose progress is shown; refusals are listed.
import {
  Alert,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControlLabel,
  TextField,
} from '@mui/material';
import { useCallback, useState, type FormEvent } from 'react';
import type { FileOperation } from '@s3am/contracts';
import { problemMessage } from '../../api/problem';
import { api } from '../../api/api-client';
import type { BucketRef } from './files-api';
import { FolderJobList } from './folder-job-list';
import { useTranslation } from 'react-i18next';

/** The last path segment, with a folder's trailing '/' kept. */
function baseName(item: string): string {
  const trimmed = item.endsWith('/') ? item.slice(0, -1) : item;
  return trimmed.slice(trimmed.lastIndexOf('/') + 1) + (item.endsWith('/') ? '/' : '');
}

export function MoveSelectionDialog({
  where,
  items,
  from,
  copy,
  onClose,
  onChanged,
}: {
  where: BucketRef;
  /** Object keys and folder prefixes; empty when closed. */
  items: string[];
  /** The open folder, offered as the starting point of the destination. */
  from: string;
  copy: boolean;
  onClose: () => void;
  onChanged: () => void;
}) {
  const open = items.length > 0;
  const { t } = useTranslation();
  const [destination, setDestination] = useState(from);
  const [overwrite, setOverwrite] = useState(false);
  const [shownFor, setShownFor] = useState<string[] | null>(null);
  const [jobs, setJobs] = useState<{ label: string; operation: FileOperation }[]>([]);
  const [finished, setFinished] = useState<Set<string>>(new Set());
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [started, setStarted] = useState(false);
  if (open && items !== shownFor) {
    setShownFor(items);
    setDestination(from);
    setOverwrite(false);
    setJobs([]);
    setFinished(new Set());
    setErrors([]);
    setStarted(false);
  }
  const markFinished = useCallback(
    (id: string) => setFinished((done) => (done.has(id) ? done : new Set([...done, id]))),
    [],
  );
  const target = destination === '' || destination.endsWith('/') ? destination : `${destination}/`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setStarted(true);
    const failed: string[] = [];
    const queued: { label: string; operation: FileOperation }[] = [];
    for (const item of items) {
      try {
        const result = await api.moveFiles({
          body: { ...where, from: item, to: target + baseName(item), copy, overwrite },
        });
        if (result.kind === 'folder') queued.push({ label: item, operation: result.operation });
      } catch (caught) {
        failed.push(`${item}: ${problemMessage(caught)}`);
      }
    }
    setJobs(queued);
    setErrors(failed);
    setBusy(false);
  };
  const close = () => {
    if (started) onChanged();
    onClose();
  };
  const done = started && !busy && jobs.every((job) => finished.has(job.operation.id));
  const verb = copy ? t('files.move.copy') : t('files.move.move');

  return (
    <Dialog open={open} onClose={close} fullWidth maxWidth="sm">
      <form onSubmit={(e) => void submit(e)}>
        <DialogTitle>
          {t(copy ? 'files.moveSelection.titleCopy' : 'files.moveSelection.titleMove', {
            count: items.length,
          })}
        </DialogTitle>
        <DialogContent>
          {!started && (
            <>
              <DialogContentText>
                {t('files.moveSelection.intoWhich', { bucket: where.bucket })}
              </DialogContentText>
              <TextField
                autoFocus
                fullWidth
                margin="dense"
                label={t('files.moveSelection.destination')}
                value={destination}
                onChange={(e) => setDestination(e.target.value)}
                helperText={
                  target
                    ? t('files.moveSelection.example', {
                        path: `${target}${baseName(items[0] ?? '')}`,
                      })
                    : t('files.moveSelection.bucketRoot')
                }
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
          <FolderJobList jobs={jobs} onFinished={markFinished} />
          {started && !busy && jobs.length === 0 && errors.length === 0 && (
            <Alert severity="success" sx={{ mt: 1 }}>
              {t('files.deleteSelection.done')}
            </Alert>
          )}
          {errors.length > 0 && (
            <Alert severity="error" sx={{ mt: 1 }}>
              {t(copy ? 'files.moveSelection.notCopied' : 'files.moveSelection.notMoved', {
                list: errors.join('; '),
              })}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>{started ? t('common.close') : t('common.cancel')}</Button>
          {!started && (
            <Button type="submit" variant="contained" disabled={busy || target === from}>
              {verb}
            </Button>
          )}
          {started && !done && <Button disabled>{t('files.move.working')}</Button>}
        </DialogActions>
      </form>
    </Dialog>
  );
}

// /u/:token — someone without an account sends files into the folder an upload request names.
// Limits are shown before picking; each file goes straight to S3 through the same engine as the
// app's uploads (multipart with parallel parts, resumable from IndexedDB after a reload), against
// the request's scoped uploads API. The server names the files and never overwrites.
import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  Alert,
  Box,
  Button,
  CircularProgress,
  LinearProgress,
  List,
  ListItem,
  ListItemText,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { GUEST_BUCKET, LINK_PASSWORD_HEADER, type GuestUploadInfo } from '@s3am/contracts';
import {
  IndexedDbResumeStore,
  UploadTask,
  XhrPartSender,
  blobFileSource,
  createFetchUploadApi,
} from '@s3am/uploader';
import { formatDateTime, formatNumber } from '../i18n/intl-format';
import { LinkFrame, LinkUnavailable } from '../shares/link-status-page';
import { PasswordPrompt } from '../shares/password-prompt';
import { formatBytes, guestApi, linkProblem, type LinkProblem } from '../shares/public-link-api';

interface SentFile {
  id: number;
  name: string;
  size: number;
  fraction: number;
  state: 'sending' | 'done' | 'failed';
  message?: string;
}

function limitsText(info: GuestUploadInfo, t: TFunction): string[] {
  const lines: string[] = [];
  if (info.maxFileBytes !== null)
    lines.push(t('requests.guest.filesUpTo', { size: formatBytes(info.maxFileBytes) }));
  if (info.maxTotalBytes !== null)
    lines.push(
      t('requests.guest.leftInAll', {
        size: formatBytes(Math.max(0, info.maxTotalBytes - info.bytesReceived)),
      }),
    );
  if (info.maxFiles !== null)
    lines.push(
      t('requests.guest.moreFiles', { count: Math.max(0, info.maxFiles - info.filesReceived) }),
    );
  if (info.allowedTypes.length > 0)
    lines.push(t('requests.guest.types', { types: info.allowedTypes.join(', ') }));
  lines.push(t('requests.guest.openUntil', { when: formatDateTime(info.expiresAt) }));
  return lines;
}

export function GuestUploadPage() {
  const { t } = useTranslation();
  const token = useParams().token ?? '';
  const [info, setInfo] = useState<GuestUploadInfo | null>(null);
  const [problem, setProblem] = useState<LinkProblem | null>(null);
  const [asking, setAsking] = useState<{ error: string | null } | null>(null);
  const [password, setPassword] = useState<string | undefined>(undefined);
  const [files, setFiles] = useState<SentFile[]>([]);
  const nextId = useRef(1);
  const base = `/api/public/upload-requests/${encodeURIComponent(token)}`;

  const load = useCallback(
    async (withPassword: string | undefined) => {
      try {
        const answer = await guestApi.guestUploadInfo({
          params: { token },
          headers: withPassword ? { [LINK_PASSWORD_HEADER]: withPassword } : {},
        });
        setPassword(withPassword);
        setAsking(null);
        setInfo(answer);
      } catch (error) {
        const problem = linkProblem(error);
        if (problem?.code === 'LINK_PASSWORD_REQUIRED')
          setAsking({ error: withPassword ? problem.message : null });
        else if (problem) setProblem(problem);
        else throw error;
      }
    },
    [token],
  );
  useEffect(() => {
    void load(undefined);
  }, [load]);

  const engine = useMemo(
    () => ({
      api: createFetchUploadApi({
        baseUrl: '',
        uploadsPath: `${base}/uploads`,
        credentials: 'omit',
        getAuthHeaders: (): Record<string, string> =>
          password ? { [LINK_PASSWORD_HEADER]: password } : {},
      }),
      sender: new XhrPartSender(),
      store: new IndexedDbResumeStore(),
    }),
    [base, password],
  );

  const update = (id: number, change: Partial<SentFile>) =>
    setFiles((list) => list.map((file) => (file.id === id ? { ...file, ...change } : file)));

  const send = async (file: File) => {
    if (!info) return;
    const id = nextId.current++;
    setFiles((list) => [
      ...list,
      { id, name: file.name, size: file.size, fraction: 0, state: 'sending' },
    ]);
    const task = new UploadTask({
      ...engine,
      file: blobFileSource(file),
      concurrency: 4,
      destination: { connectionId: info.id, bucket: GUEST_BUCKET, key: file.name },
    });
    task.on('progress', (progress) => update(id, { fraction: progress.fraction }));
    const outcome = await task.start();
    if (outcome.state === 'completed')
      update(id, { state: 'done', fraction: 1, name: outcome.upload.key });
    else
      update(id, {
        state: 'failed',
        message:
          outcome.state === 'failed'
            ? outcome.message
            : t('requests.guest.stopped', { state: outcome.state }),
      });
    await load(password);
  };

  const picked = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = [...(event.target.files ?? [])];
    event.target.value = '';
    void Promise.all(chosen.map((file) => send(file)));
  };

  if (problem) return <LinkUnavailable problem={problem} />;
  if (asking)
    return (
      <LinkFrame title={t('requests.guest.protected')}>
        <Typography sx={{ mb: 2 }}>{t('shares.link.enterPassword')}</Typography>
        <PasswordPrompt error={asking.error} busy={false} onSubmit={(value) => void load(value)} />
      </LinkFrame>
    );
  if (!info)
    return (
      <LinkFrame title={t('shares.link.opening')}>
        <CircularProgress aria-label={t('common.loading')} />
      </LinkFrame>
    );
  return (
    <LinkFrame title={info.title ?? t('requests.guest.sendFiles')}>
      <Typography sx={{ mb: 1 }}>{t('requests.guest.intro')}</Typography>
      <Box
        component="ul"
        aria-label={t('requests.guest.limits')}
        sx={{ color: 'text.secondary', mt: 0, mb: 2 }}
      >
        {limitsText(info, t).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </Box>
      <Button variant="contained" component="label" startIcon={<UploadFileIcon />}>
        {t('requests.guest.chooseFiles')}
        <input
          hidden
          multiple
          type="file"
          aria-label={t('requests.guest.filesToSend')}
          onChange={picked}
        />
      </Button>
      <List aria-label={t('requests.guest.sentFiles')} sx={{ mt: 2 }}>
        {files.map((file) => (
          <ListItem key={file.id} sx={{ display: 'block' }}>
            <ListItemText
              primary={file.name}
              secondary={
                file.state === 'done'
                  ? t('requests.guest.received', { size: formatBytes(file.size) })
                  : file.state === 'failed'
                    ? undefined
                    : t('requests.guest.progress', {
                        percent: formatNumber(Math.round(file.fraction * 100)),
                        size: formatBytes(file.size),
                      })
              }
            />
            {file.state === 'sending' && (
              <LinearProgress
                variant="determinate"
                value={file.fraction * 100}
                aria-label={t('requests.guest.sending', { name: file.name })}
              />
            )}
            {file.state === 'failed' && <Alert severity="error">{file.message}</Alert>}
          </ListItem>
        ))}
      </List>
    </LinkFrame>
  );
}

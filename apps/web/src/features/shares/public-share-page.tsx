// /s/:token — what someone without an account sees when opening a share link: the password
// prompt if there is one, then the file (download) or the folder (browse, per-file download,
// all files of the folder as one zip assembled in the browser with client-zip). Downloads are
// short-lived presigned GETs the API hands out after checking the link again.
import DownloadIcon from '@mui/icons-material/Download';
import FolderIcon from '@mui/icons-material/Folder';
import FolderZipIcon from '@mui/icons-material/FolderZip';
import {
  Alert,
  Box,
  Breadcrumbs,
  Button,
  CircularProgress,
  Link,
  List,
  ListItem,
  ListItemButton,
  ListItemIcon,
  ListItemText,
  Stack,
  Typography,
} from '@mui/material';
import { downloadZip } from 'client-zip';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { SharedContents } from '@s3am/contracts';
import { formatDateTime } from '../i18n/intl-format';
import { LinkFrame, LinkUnavailable } from './link-status-page';
import { PasswordPrompt } from './password-prompt';
import { formatBytes, guestApi, linkProblem, saveAs, type LinkProblem } from './public-link-api';

type Phase =
  | { kind: 'loading' }
  | { kind: 'password'; error: string | null }
  | { kind: 'gone'; problem: LinkProblem }
  | { kind: 'open'; contents: SharedContents };

export function PublicSharePage() {
  const { t } = useTranslation();
  const token = useParams().token ?? '';
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [password, setPassword] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const open = useCallback(
    async (path: string, withPassword: string | undefined) => {
      setBusy(true);
      try {
        const contents = await guestApi.openShare({
          params: { token },
          body: { path, ...(withPassword ? { password: withPassword } : {}) },
        });
        setPassword(withPassword);
        setPhase({ kind: 'open', contents });
      } catch (error) {
        const problem = linkProblem(error);
        if (problem?.code === 'LINK_PASSWORD_REQUIRED')
          setPhase({ kind: 'password', error: withPassword ? problem.message : null });
        else if (problem) setPhase({ kind: 'gone', problem });
        else throw error;
      } finally {
        setBusy(false);
      }
    },
    [token],
  );

  useEffect(() => {
    void open('', undefined);
  }, [open]);

  const download = async (paths: string[] | undefined) => {
    setNotice(null);
    try {
      return await guestApi.shareDownload({
        params: { token },
        body: { ...(paths ? { paths } : {}), ...(password ? { password } : {}) },
      });
    } catch (error) {
      const problem = linkProblem(error);
      if (problem?.status === 410) setPhase({ kind: 'gone', problem });
      else setNotice(problem?.message ?? (error instanceof Error ? error.message : String(error)));
      return null;
    }
  };

  const downloadOne = async (path: string | undefined) => {
    const answer = await download(path === undefined ? undefined : [path]);
    if (answer?.items[0]) saveAs(answer.items[0].url);
  };

  const downloadZipOf = async (contents: SharedContents) => {
    setBusy(true);
    try {
      const answer = await download(contents.files.map((file) => file.path));
      if (!answer) return;
      // Each file streams from S3 into the zip; the API only signed the URLs.
      const entries = answer.items.map((item) => ({
        name: item.path.slice(contents.path.length),
        input: fetch(item.url).then((response) => {
          if (!response.ok)
            throw new Error(
              t('shares.link.storageAnswered', { path: item.path, status: response.status }),
            );
          return response;
        }),
      }));
      const entryInputs = await Promise.all(
        entries.map(async (entry) => ({ name: entry.name, input: await entry.input })),
      );
      const blob = await downloadZip(entryInputs).blob();
      const folderName = contents.path
        ? contents.path.replace(/\/$/, '').split('/').pop()
        : contents.name;
      const url = URL.createObjectURL(blob);
      saveAs(url, `${folderName || 'files'}.zip`);
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (error) {
      setNotice(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  if (phase.kind === 'loading')
    return (
      <LinkFrame title={t('shares.link.opening')}>
        <CircularProgress aria-label={t('common.loading')} />
      </LinkFrame>
    );
  if (phase.kind === 'gone') return <LinkUnavailable problem={phase.problem} />;
  if (phase.kind === 'password')
    return (
      <LinkFrame title={t('shares.link.protected')}>
        <Typography sx={{ mb: 2 }}>{t('shares.link.enterPassword')}</Typography>
        <PasswordPrompt
          error={phase.error}
          busy={busy}
          onSubmit={(value) => void open('', value)}
        />
      </LinkFrame>
    );

  const { contents } = phase;
  const expiry = t('shares.link.availableUntil', { when: formatDateTime(contents.expiresAt) });
  const left =
    contents.downloadsLeft === null
      ? ''
      : t('shares.link.downloadsLeft', { count: contents.downloadsLeft });
  if (contents.kind === 'file') {
    const file = contents.files[0];
    return (
      <LinkFrame title={contents.name}>
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          {file ? formatBytes(file.size) : ''} · {expiry}
          {left}
        </Typography>
        {notice && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {notice}
          </Alert>
        )}
        <Button
          variant="contained"
          startIcon={<DownloadIcon />}
          onClick={() => void downloadOne(undefined)}
        >
          {t('shares.link.download')}
        </Button>
      </LinkFrame>
    );
  }
  const crumbs = contents.path.split('/').filter(Boolean);
  return (
    <LinkFrame title={contents.name}>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {expiry}
        {left}
      </Typography>
      <Stack direction="row" spacing={2} sx={{ mb: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <Breadcrumbs aria-label={t('shares.link.folderPath')} sx={{ flexGrow: 1 }}>
          <Link component="button" onClick={() => void open('', password)}>
            {contents.name}
          </Link>
          {crumbs.map((crumb, index) => (
            <Link
              key={crumb + index}
              component="button"
              onClick={() => void open(`${crumbs.slice(0, index + 1).join('/')}/`, password)}
            >
              {crumb}
            </Link>
          ))}
        </Breadcrumbs>
        <Button
          variant="contained"
          startIcon={<FolderZipIcon />}
          disabled={busy || contents.files.length === 0}
          onClick={() => void downloadZipOf(contents)}
        >
          {t('shares.link.downloadZip')}
        </Button>
      </Stack>
      {notice && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {notice}
        </Alert>
      )}
      {contents.truncated && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('shares.link.truncated')}
        </Alert>
      )}
      <List aria-label={t('shares.link.files')}>
        {contents.folders.map((folder) => (
          <ListItem key={folder.path} disablePadding>
            <ListItemButton onClick={() => void open(folder.path, password)}>
              <ListItemIcon>
                <FolderIcon />
              </ListItemIcon>
              <ListItemText primary={folder.name} />
            </ListItemButton>
          </ListItem>
        ))}
        {contents.files.map((file) => (
          <ListItem
            key={file.path}
            secondaryAction={
              <Button
                size="small"
                startIcon={<DownloadIcon />}
                onClick={() => void downloadOne(file.path)}
                aria-label={t('shares.link.downloadName', { name: file.name })}
              >
                {t('shares.link.download')}
              </Button>
            }
          >
            <ListItemText primary={file.name} secondary={formatBytes(file.size)} />
          </ListItem>
        ))}
        {contents.folders.length === 0 && contents.files.length === 0 && (
          <Box sx={{ p: 2 }}>
            <Typography color="text.secondary">{t('shares.link.emptyFolder')}</Typography>
          </Box>
        )}
      </List>
    </LinkFrame>
  );
}

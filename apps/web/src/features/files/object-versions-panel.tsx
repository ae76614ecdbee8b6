// Versions and delete markers of one object, shown when its bucket keeps versions: download an
// older version (a short-lived link) or restore it (copied over the latest; needs write).
// Versions are numbered from the oldest (#1), since several often share a displayed date.
import {
  Alert,
  Box,
  Button,
  Chip,
  CircularProgress,
  List,
  ListItem,
  ListItemText,
  Stack,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ObjectRef, ObjectVersion } from '@s3am/contracts';
import { problemMessage } from '../../api/problem';
import { formatBytes } from '../common/format-bytes';
import { useApiQuery } from '../common/use-api-query';
import { api } from '../../api/api-client';
import { restoreVersion } from './file-operations-api';
import { formatDate } from './format';

function shortId(versionId: string): string {
  return versionId.length > 12 ? `${versionId.slice(0, 12)}…` : versionId;
}

export function ObjectVersionsPanel({
  target,
  canRestore,
  onRestored,
}: {
  target: ObjectRef;
  canRestore: boolean;
  onRestored: () => void;
}) {
  const { t } = useTranslation();
  const versions = useApiQuery(() => api.objectVersions({ query: target }), [target]);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ message: string; error: boolean } | null>(null);
  const state = versions.data?.versioning;
  // Buckets without versioning have nothing to show beyond the object itself.
  if (versions.loading && !versions.data)
    return <CircularProgress size={20} aria-label={t('files.versions.loading')} />;
  if (versions.error)
    return (
      <Alert severity="warning">{t('files.versions.unavailable', { error: versions.error })}</Alert>
    );
  if (!versions.data || state === 'off' || state === 'unsupported') return null;

  const download = async (version: ObjectVersion) => {
    setBusy(version.versionId);
    try {
      const link = await api.previewUrl({
        body: { ...target, versionId: version.versionId, disposition: 'attachment' },
      });
      const anchor = document.createElement('a');
      anchor.href = link.url;
      anchor.rel = 'noopener';
      anchor.click();
    } catch (caught) {
      setNotice({ message: problemMessage(caught), error: true });
    } finally {
      setBusy(null);
    }
  };
  const all = versions.data.versions;
  const numberOf = (index: number) => all.length - index;
  const nameOf = (index: number, version: ObjectVersion) =>
    t('files.versions.name', { number: numberOf(index), date: formatDate(version.lastModified) });
  const restore = async (version: ObjectVersion, index: number) => {
    setBusy(version.versionId);
    setNotice(null);
    try {
      await restoreVersion(target, version.versionId);
      setNotice({
        message: t('files.versions.restored', {
          name: nameOf(index, version),
          latest: all.length + 1,
        }),
        error: false,
      });
      await versions.reload();
      onRestored();
    } catch (caught) {
      setNotice({ message: problemMessage(caught), error: true });
    } finally {
      setBusy(null);
    }
  };

  return (
    <Box component="section" aria-label={t('files.versions.label')}>
      <Typography variant="subtitle2" component="h3">
        {t('files.versions.title', { count: all.length })}
        {state === 'suspended' ? t('files.versions.suspended') : ''}
      </Typography>
      <Typography variant="caption" color="text.secondary" component="p">
        {t('files.versions.hint')}
      </Typography>
      <List dense disablePadding>
        {all.map((version, index) => (
          <ListItem key={version.versionId} disableGutters divider data-testid="object-version">
            <ListItemText
              primary={
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                  <Typography component="span" variant="body2" sx={{ fontWeight: 600 }}>
                    #{numberOf(index)}
                  </Typography>
                  <span>{formatDate(version.lastModified)}</span>
                  {version.isLatest && (
                    <Chip size="small" label={t('files.versions.latest')} color="primary" />
                  )}
                  {version.deleteMarker && (
                    <Chip size="small" label={t('files.versions.deleteMarker')} />
                  )}
                </Stack>
              }
              secondary={`${version.deleteMarker ? t('files.versions.deleted') : formatBytes(version.size ?? 0)} · ${shortId(version.versionId)}`}
            />
            {!version.deleteMarker && (
              <Stack direction="row" spacing={0.5}>
                <Button
                  size="small"
                  disabled={busy !== null}
                  onClick={() => void download(version)}
                  aria-label={t('files.versions.downloadVersion', { name: nameOf(index, version) })}
                >
                  {t('files.versions.download')}
                </Button>
                {canRestore && !version.isLatest && (
                  <Button
                    size="small"
                    disabled={busy !== null}
                    onClick={() => void restore(version, index)}
                    aria-label={t('files.versions.restoreVersion', {
                      name: nameOf(index, version),
                    })}
                  >
                    {busy === version.versionId
                      ? t('files.versions.restoring')
                      : t('files.versions.restore')}
                  </Button>
                )}
              </Stack>
            )}
          </ListItem>
        ))}
      </List>
      {notice && (
        <Alert severity={notice.error ? 'error' : 'success'} sx={{ mt: 1 }}>
          {notice.message}
        </Alert>
      )}
    </Box>
  );
}

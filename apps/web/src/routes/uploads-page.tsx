// Uploads (admins and uploaders): choose where, drop or pick files and folders, watch the queue,
// resume what an earlier visit left unfinished, and see my recent uploads.
import { Alert, Button, Paper, Stack, Typography } from '@mui/material';
import { useEffect } from 'react';
import { useAuth } from '../features/auth/auth-context';
import { useApiQuery } from '../features/common/use-api-query';
import { QuotaNotice } from '../features/quotas/quota-summary';
import { DestinationPicker, locationId, targetFor } from '../features/uploads/destination-picker';
import { type PickedFile } from '../features/uploads/dropped-files';
import { OfflineBanner } from '../features/uploads/offline-banner';
import { PendingUploadsList } from '../features/uploads/pending-uploads-list';
import { UploadDropZone } from '../features/uploads/upload-drop-zone';
import { UploadHistory } from '../features/uploads/upload-history';
import { useUploadManager, useUploads } from '../features/uploads/upload-manager-context';
import { UploadQueueView } from '../features/uploads/upload-queue';
import { fetchUploadLocations } from '../features/uploads/uploads-api';
import { useTranslation } from 'react-i18next';

export function UploadsPage() {
  const { user } = useAuth();
  const { t } = useTranslation();
  const manager = useUploadManager();
  const uploads = useUploads();
  const locations = useApiQuery(fetchUploadLocations, []);
  const { target, staged } = uploads;

  // Keep the remembered destination when it is still granted, else take the first location.
  useEffect(() => {
    const list = locations.data;
    if (!list) return;
    const first = list[0];
    if (target && list.some((l) => locationId(l) === locationId(target))) return;
    manager.setTarget(first ? targetFor(first, target) : null);
  }, [locations.data, target, manager]);

  // The list may have been loaded before a password change or by another tab: ask again.
  useEffect(() => {
    void manager.refreshPending();
  }, [manager]);

  const canUpload = user?.role === 'admin' || user?.role === 'uploader';
  const add = (files: PickedFile[]) => {
    if (target && files.length > 0) void manager.add(files, target);
  };

  return (
    <Stack spacing={3}>
      <Typography variant="h5" component="h1">
        {t('uploads.title')}
      </Typography>
      {!canUpload && <Alert severity="info">{t('uploads.roleCannotUpload')}</Alert>}
      <OfflineBanner online={uploads.online} />
      {uploads.notices.length > 0 && (
        <Alert severity="info" onClose={() => manager.dismissNotices()}>
          {uploads.notices.map((notice) => (
            <div key={notice}>{notice}</div>
          ))}
        </Alert>
      )}
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="h6" component="h2" sx={{ mb: 2 }}>
          {t('uploads.destination')}
        </Typography>
        {locations.error && <Alert severity="error">{locations.error}</Alert>}
        {locations.data?.length === 0 && (
          <Alert severity="warning">{t('uploads.noDestination')}</Alert>
        )}
        {target && locations.data && locations.data.length > 0 && (
          <DestinationPicker
            locations={locations.data}
            target={target}
            onChange={(next) => manager.setTarget(next)}
          />
        )}
        {/* What the quotas counting this location leave, before anything is picked. */}
        <QuotaNotice
          place={
            target && {
              connectionId: target.connectionId,
              bucket: target.bucket,
              key: target.prefix,
            }
          }
        />
      </Paper>
      {staged.length > 0 && (
        <Alert
          severity="info"
          action={
            <Stack direction="row" spacing={1}>
              <Button
                color="inherit"
                disabled={!target}
                onClick={() => {
                  add([...staged]);
                  manager.clearStaged();
                }}
              >
                {t('uploads.uploadHere')}
              </Button>
              <Button color="inherit" onClick={() => manager.clearStaged()}>
                {t('uploads.discard')}
              </Button>
            </Stack>
          }
        >
          {t('uploads.staged', { count: staged.length })}
        </Alert>
      )}
      <UploadDropZone disabled={!canUpload || !target} onFiles={add} limits={uploads.limits} />
      <UploadQueueView />
      <PendingUploadsList uploads={uploads} />
      <UploadHistory version={uploads.historyVersion} />
    </Stack>
  );
}

// My recent uploads from the server: completed, failed and aborted, newest first.
import { Alert, Paper, ToggleButton, ToggleButtonGroup, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { type UploadState } from '@s3am/contracts';
import { useApiQuery } from '../common/use-api-query';
import { UploadHistoryList } from './upload-history-list';
import { fetchMyUploads } from './uploads-api';
import { useTranslation } from 'react-i18next';

type Filter = 'all' | Exclude<UploadState, 'in_progress'>;

export function UploadHistory({ version }: { version: number }) {
  const [filter, setFilter] = useState<Filter>('all');
  const { t } = useTranslation();
  const { data, error, loading } = useApiQuery(async () => {
    const list = await fetchMyUploads(filter === 'all' ? undefined : filter, { limit: 25 });
    return filter === 'all' ? list.items.filter((u) => u.state !== 'in_progress') : list.items;
  }, [filter, version]);
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Stack
        direction="row"
        sx={{ alignItems: 'center', mb: 1, flexWrap: 'wrap', columnGap: 2, rowGap: 1 }}
      >
        <Typography variant="h6" component="h2" sx={{ flexGrow: 1 }}>
          {t('uploads.history.title')}
        </Typography>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={filter}
          onChange={(_event, value: Filter | null) => value && setFilter(value)}
          aria-label={t('uploads.history.show')}
        >
          <ToggleButton value="all">{t('uploads.history.filterAll')}</ToggleButton>
          <ToggleButton value="completed">{t('uploads.history.filterCompleted')}</ToggleButton>
          <ToggleButton value="failed">{t('uploads.history.filterFailed')}</ToggleButton>
          <ToggleButton value="aborted">{t('uploads.history.filterAborted')}</ToggleButton>
        </ToggleButtonGroup>
      </Stack>
      {error && <Alert severity="error">{error}</Alert>}
      {!error && data?.length === 0 && !loading && (
        <Typography color="text.secondary">{t('uploads.history.none')}</Typography>
      )}
      {data && data.length > 0 && <UploadHistoryList uploads={data} />}
    </Paper>
  );
}

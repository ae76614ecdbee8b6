// Migration jobs (admins): every job with its state, progress, speed, who started it and how long
// it ran; a row opens the job's live page. The list refreshes itself while a job is unfinished.
import AddOutlined from '@mui/icons-material/AddOutlined';
import { Alert, Box, Button, Chip, LinearProgress, Stack, Typography } from '@mui/material';
import {
  DataGrid,
  type GridCellParams,
  type GridColDef,
  type GridRowParams,
} from '@mui/x-data-grid';
import type { TFunction } from 'i18next';
import { useEffect, useMemo } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { type MigrationView } from '@s3am/contracts';
import { api } from '../api/api-client';
import { formatBytes } from '../features/common/format-bytes';
import { useApiQuery } from '../features/common/use-api-query';
import { formatDateTime } from '../features/i18n/intl-format';
import {
  STATE_COLOR,
  STATE_LABEL,
  formatDuration,
  formatSpeed,
  isFinished,
  locationText,
  progressPercent,
} from '../features/migrations/migration-display';
import { useTranslation } from 'react-i18next';

const REFRESH_MS = 3000;

/** The grid's columns in the chosen language (header names and cells read `t`). */
function columnsFor(t: TFunction): GridColDef<MigrationView>[] {
  return [
    {
      field: 'state',
      headerName: t('migrations.columns.state'),
      width: 130,
      renderCell: ({ row }) => (
        <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', height: '100%' }}>
          <Chip size="small" color={STATE_COLOR[row.state]} label={t(STATE_LABEL[row.state])} />
          {row.options.dryRun && (
            <Chip size="small" variant="outlined" label={t('migrations.dryRun')} />
          )}
        </Stack>
      ),
    },
    {
      field: 'route',
      headerName: t('migrations.columns.route'),
      flex: 2,
      minWidth: 260,
      sortable: false,
      valueGetter: (_value, row) =>
        `${locationText(row.source)}  →  ${locationText(row.destination)}`,
    },
    {
      field: 'progress',
      headerName: t('migrations.columns.progress'),
      width: 190,
      sortable: false,
      renderCell: ({ row }) => {
        const percent = progressPercent(row);
        const { copied, skipped, failed, discovered } = row.counts;
        return (
          <Box sx={{ width: '100%', pt: 1.5 }}>
            <LinearProgress
              variant="determinate"
              value={percent}
              color={row.counts.failed.objects > 0 ? 'warning' : 'primary'}
              aria-label={t('migrations.progressLabel', { percent: Math.floor(percent) })}
            />
            <Typography variant="caption" color="text.secondary">
              {t('migrations.progressText', {
                percent: Math.floor(percent),
                handled: copied.objects + skipped.objects + failed.objects,
                discovered: discovered.objects,
              })}
            </Typography>
          </Box>
        );
      },
    },
    {
      field: 'speed',
      headerName: t('migrations.columns.speed'),
      width: 110,
      valueGetter: (_value, row) => row.averageBytesPerSecond ?? 0,
      renderCell: ({ row }) => formatSpeed(row.averageBytesPerSecond),
    },
    {
      field: 'copiedBytes',
      headerName: t('migrations.columns.copied'),
      width: 100,
      valueGetter: (_value, row) => row.counts.copied.bytes,
      renderCell: ({ row }) => formatBytes(row.counts.copied.bytes),
    },
    {
      field: 'startedBy',
      headerName: t('migrations.columns.startedBy'),
      flex: 1,
      minWidth: 160,
      valueGetter: (_value, row) => row.startedBy.email ?? '—',
    },
    {
      field: 'durationMs',
      headerName: t('migrations.columns.duration'),
      width: 110,
      renderCell: ({ row }) => formatDuration(row.durationMs),
    },
    {
      field: 'createdAt',
      headerName: t('migrations.columns.created'),
      width: 170,
      renderCell: ({ row }) => formatDateTime(row.createdAt),
    },
  ];
}

export function MigrationsPage() {
  const navigate = useNavigate();
  const { t, i18n: language } = useTranslation();
  // Built again when the language changes: the grid reads header names once per column set.
  const columns = useMemo(() => columnsFor(t), [t, language.language]);
  const { data, error, loading, reload } = useApiQuery(
    async () => (await api.listMigrations()).items,
    [],
  );
  const anyUnfinished = (data ?? []).some((job) => !isFinished(job.state));
  useEffect(() => {
    if (!anyUnfinished) return undefined;
    const timer = setInterval(() => void reload(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [anyUnfinished, reload]);

  return (
    <Box>
      <Stack direction="row" sx={{ alignItems: 'center', mb: 3 }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          {t('migrations.title')}
        </Typography>
        <Button
          variant="contained"
          startIcon={<AddOutlined />}
          component={RouterLink}
          to="/migrations/new"
        >
          {t('migrations.newMigration')}
        </Button>
      </Stack>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {t('migrations.intro')}
      </Typography>
      {error && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {error}
        </Alert>
      )}
      <DataGrid
        aria-label={t('migrations.jobs')}
        rows={data ?? []}
        columns={columns}
        loading={loading && !data}
        onRowClick={({ row }: GridRowParams<MigrationView>) =>
          void navigate(`/migrations/${row.id}`)
        }
        // Keyboard users open a row like a button: Enter or Space on any of its cells.
        onCellKeyDown={({ row }: GridCellParams<MigrationView>, event) => {
          if (event.key !== 'Enter' && event.key !== ' ') return;
          event.preventDefault();
          event.defaultMuiPrevented = true;
          void navigate(`/migrations/${row.id}`);
        }}
        initialState={{ pagination: { paginationModel: { pageSize: 25 } } }}
        pageSizeOptions={[25, 50, 100]}
        localeText={{ noRowsLabel: t('migrations.noJobs') }}
        disableColumnFilter
        disableRowSelectionOnClick
        autoHeight
        sx={{ bgcolor: 'background.paper', '& .MuiDataGrid-row': { cursor: 'pointer' } }}
      />
    </Box>
  );
}

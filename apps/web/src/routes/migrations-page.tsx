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
import { useEffect } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { MigrationList, type MigrationView } from '@s3am/contracts';
import { api } from '../api/client';
import { formatBytes } from '../features/common/format-bytes';
import { useApiQuery } from '../features/common/use-api-query';
import {
  STATE_COLOR,
  STATE_LABEL,
  formatDuration,
  formatSpeed,
  isFinished,
  locationText,
  progressPercent,
} from '../features/migrations/migration-display';

const REFRESH_MS = 3000;

const COLUMNS: GridColDef<MigrationView>[] = [
  {
    field: 'state',
    headerName: 'State',
    width: 130,
    renderCell: ({ row }) => (
      <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', height: '100%' }}>
        <Chip size="small" color={STATE_COLOR[row.state]} label={STATE_LABEL[row.state]} />
        {row.options.dryRun && <Chip size="small" variant="outlined" label="Dry run" />}
      </Stack>
    ),
  },
  {
    field: 'route',
    headerName: 'Source → destination',
    flex: 2,
    minWidth: 260,
    sortable: false,
    valueGetter: (_value, row) =>
      `${locationText(row.source)}  →  ${locationText(row.destination)}`,
  },
  {
    field: 'progress',
    headerName: 'Progress',
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
            aria-label={`Progress ${Math.floor(percent)} %`}
          />
          <Typography variant="caption" color="text.secondary">
            {Math.floor(percent)} % · {copied.objects + skipped.objects + failed.objects}/
            {discovered.objects} objects
          </Typography>
        </Box>
      );
    },
  },
  {
    field: 'speed',
    headerName: 'Speed',
    width: 110,
    valueGetter: (_value, row) => row.averageBytesPerSecond ?? 0,
    renderCell: ({ row }) => formatSpeed(row.averageBytesPerSecond),
  },
  {
    field: 'copiedBytes',
    headerName: 'Copied',
    width: 100,
    valueGetter: (_value, row) => row.counts.copied.bytes,
    renderCell: ({ row }) => formatBytes(row.counts.copied.bytes),
  },
  {
    field: 'startedBy',
    headerName: 'Started by',
    flex: 1,
    minWidth: 160,
    valueGetter: (_value, row) => row.startedBy.email ?? '—',
  },
  {
    field: 'durationMs',
    headerName: 'Duration',
    width: 110,
    renderCell: ({ row }) => formatDuration(row.durationMs),
  },
  {
    field: 'createdAt',
    headerName: 'Created',
    width: 170,
    renderCell: ({ row }) => new Date(row.createdAt).toLocaleString(),
  },
];

export function MigrationsPage() {
  const navigate = useNavigate();
  const { data, error, loading, reload } = useApiQuery(
    async () => MigrationList.parse((await api.get('/api/migrations')).data).items,
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
          Migrations
        </Typography>
        <Button
          variant="contained"
          startIcon={<AddOutlined />}
          component={RouterLink}
          to="/migrations/new"
        >
          New migration
        </Button>
      </Stack>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        Copy everything under a bucket/prefix to another bucket/prefix, across accounts, regions or
        providers. Jobs run on the server and survive restarts; everyone watching a job sees the
        same live progress.
      </Typography>
      {error && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {error}
        </Alert>
      )}
      <DataGrid
        aria-label="Migration jobs"
        rows={data ?? []}
        columns={COLUMNS}
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
        localeText={{ noRowsLabel: 'No migration jobs yet.' }}
        disableColumnFilter
        disableRowSelectionOnClick
        autoHeight
        sx={{ bgcolor: 'background.paper', '& .MuiDataGrid-row': { cursor: 'pointer' } }}
      />
    </Box>
  );
}

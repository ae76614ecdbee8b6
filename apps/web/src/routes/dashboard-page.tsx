// Dashboard: who you are; for admins how the system is doing (status, counts of users and
// connections), for everyone else their locations, recent uploads and a quick upload.
import DnsOutlined from '@mui/icons-material/DnsOutlined';
import GroupOutlined from '@mui/icons-material/GroupOutlined';
import MonitorHeartOutlined from '@mui/icons-material/MonitorHeartOutlined';
import RefreshOutlined from '@mui/icons-material/RefreshOutlined';
import StorageOutlined from '@mui/icons-material/StorageOutlined';
import { Alert, Box, Button, Chip, CircularProgress, Grid, Typography } from '@mui/material';
import type { SystemStatus } from '@s3am/contracts';
import { useAuth } from '../features/auth/auth-context';
import { MyWorkSection } from '../features/dashboard/my-work-section';
import { StatusCard } from '../features/dashboard/status-card';
import { useSystemStatus } from '../features/dashboard/use-system-status';

function formatUptime(seconds: number): string {
  if (seconds < 60) return `${Math.floor(seconds)} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min`;
  if (seconds < 86_400)
    return `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min`;
  return `${Math.floor(seconds / 86_400)} d ${Math.floor((seconds % 86_400) / 3600)} h`;
}

const plural = (count: number, one: string, many: string) => (count === 1 ? one : many);

export function DashboardPage() {
  const { user } = useAuth();
  const isAdmin = user?.role === 'admin';
  const { data, error, loading, reload } = useSystemStatus(isAdmin);
  // Cards show skeletons only before the first answer; after a failure they show a dash.
  const settled = data !== null || !loading;
  const pick = <T,>(read: (d: NonNullable<typeof data>) => T): T | null | undefined =>
    data ? read(data) : settled ? null : undefined;
  const ready = data?.ready;
  return (
    <Box>
      <Box
        sx={{
          display: 'flex',
          alignItems: 'flex-start',
          justifyContent: 'space-between',
          mb: 3,
          gap: 2,
        }}
      >
        <Box sx={{ minWidth: 0 }}>
          <Typography variant="h5" component="h1">
            Dashboard
          </Typography>
          <Typography
            color="text.secondary"
            sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', columnGap: 1, mt: 0.5 }}
          >
            Signed in as <strong>{user?.email}</strong>
            <Chip
              label={user?.role}
              size="small"
              color="primary"
              variant="outlined"
              sx={{ textTransform: 'capitalize' }}
            />
          </Typography>
        </Box>
        <Button
          startIcon={loading ? <CircularProgress size={16} color="inherit" /> : <RefreshOutlined />}
          onClick={() => void reload()}
          disabled={loading}
          sx={{ flexShrink: 0 }}
        >
          Refresh
        </Button>
      </Box>
      {error && (
        <Alert severity="error" sx={{ mb: 3 }}>
          Could not load the system status. {error}
        </Alert>
      )}
      {!isAdmin && user && <MyWorkSection role={user.role} />}
      {isAdmin && (
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, sm: 6, lg: 3 }}>
            <StatusCard
              title="System"
              icon={<MonitorHeartOutlined fontSize="small" />}
              ok={ready ? ready.status === 'ready' : undefined}
              value={pick((d) => (d.ready.status === 'ready' ? 'Ready' : 'Not ready'))}
              detail={
                data?.status &&
                `Version ${data.status.version} · up ${formatUptime(data.status.uptimeSeconds)}`
              }
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6, lg: 3 }}>
            <StatusCard
              title="Database"
              icon={<DnsOutlined fontSize="small" />}
              ok={ready ? ready.checks.database.ok && ready.checks.migrations.ok : undefined}
              value={pick((d) => (d.ready.checks.database.ok ? 'Connected' : 'Unreachable'))}
              detail={
                data &&
                (!data.ready.checks.migrations.ok
                  ? (data.ready.checks.migrations.detail ?? 'Migrations pending')
                  : data.status
                    ? `${data.status.database.migrationsApplied} ${plural(data.status.database.migrationsApplied, 'migration', 'migrations')} applied`
                    : 'Migrations up to date')
              }
            />
          </Grid>
          <AdminCounts status={data?.status} settled={data !== null || !loading} />
        </Grid>
      )}
    </Box>
  );
}

/** Connection and user counts: the API gives them to admins only. */
function AdminCounts({
  status,
  settled,
}: {
  status: SystemStatus | null | undefined;
  settled: boolean;
}) {
  const pick = <T,>(read: (s: SystemStatus) => T): T | null | undefined =>
    status ? read(status) : settled ? null : undefined;
  return (
    <>
      <Grid size={{ xs: 12, sm: 6, lg: 3 }}>
        <StatusCard
          title="S3 connections"
          icon={<StorageOutlined fontSize="small" />}
          value={pick((s) => s.connections.count)}
          detail={
            status &&
            plural(status.connections.count, 'connection registered', 'connections registered')
          }
        />
      </Grid>
      <Grid size={{ xs: 12, sm: 6, lg: 3 }}>
        <StatusCard
          title="Users"
          icon={<GroupOutlined fontSize="small" />}
          value={pick((s) => s.users.count)}
          detail={status && plural(status.users.count, 'account', 'accounts')}
        />
      </Grid>
    </>
  );
}

// Dashboard: who you are and how the system is doing.
import RefreshOutlined from '@mui/icons-material/RefreshOutlined';
import { Alert, Box, Button, Chip, Grid, Typography } from '@mui/material';
import { useAuth } from '../features/auth/auth-context';
import { StatusCard } from '../features/dashboard/status-card';
import { useSystemStatus } from '../features/dashboard/use-system-status';

function formatUptime(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min`;
  if (seconds < 86_400)
    return `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min`;
  return `${Math.floor(seconds / 86_400)} d ${Math.floor((seconds % 86_400) / 3600)} h`;
}

export function DashboardPage() {
  const { user } = useAuth();
  const { data, error, reload } = useSystemStatus();
  const ready = data?.ready;
  return (
    <Box>
      <Box
        sx={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          mb: 3,
          gap: 2,
          flexWrap: 'wrap',
        }}
      >
        <Box>
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
        <Button startIcon={<RefreshOutlined />} onClick={() => void reload()}>
          Refresh
        </Button>
      </Box>
      {error && (
        <Alert severity="error" sx={{ mb: 3 }}>
          {error}
        </Alert>
      )}
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, sm: 6, lg: 3 }}>
          <StatusCard
            title="System"
            ok={ready ? ready.status === 'ready' : undefined}
            value={ready ? (ready.status === 'ready' ? 'Ready' : 'Not ready') : undefined}
            detail={
              data &&
              `Version ${data.status.version} · up ${formatUptime(data.status.uptimeSeconds)}`
            }
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 6, lg: 3 }}>
          <StatusCard
            title="Database"
            ok={ready ? ready.checks.database.ok && ready.checks.migrations.ok : undefined}
            value={data && (data.status.database.ok ? 'Connected' : 'Unreachable')}
            detail={
              data &&
              (ready?.checks.migrations.ok
                ? `${data.status.database.migrationsApplied} migrations applied`
                : (ready?.checks.migrations.detail ?? 'Migrations pending'))
            }
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 6, lg: 3 }}>
          <StatusCard
            title="S3 connections"
            value={data?.status.connections.count}
            detail={
              data &&
              (data.status.connections.count === 1
                ? 'connection registered'
                : 'connections registered')
            }
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 6, lg: 3 }}>
          <StatusCard title="Users" value={data?.status.users.count} detail={data && 'accounts'} />
        </Grid>
      </Grid>
    </Box>
  );
}

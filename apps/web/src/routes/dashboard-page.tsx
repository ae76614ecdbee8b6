// Dashboard: who you are; for admins how the system is doing (status, counts of users and
// connections), for everyone else their locations, recent uploads and a quick upload.
import DnsOutlined from '@mui/icons-material/DnsOutlined';
import GroupOutlined from '@mui/icons-material/GroupOutlined';
import MonitorHeartOutlined from '@mui/icons-material/MonitorHeartOutlined';
import RefreshOutlined from '@mui/icons-material/RefreshOutlined';
import StorageOutlined from '@mui/icons-material/StorageOutlined';
import { Alert, Box, Button, Chip, CircularProgress, Grid, Typography } from '@mui/material';
import type { SystemStatus } from '@s3am/contracts';
import { useTranslation } from 'react-i18next';
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

export function DashboardPage() {
  const { user } = useAuth();
  const isAdmin = user?.role === 'admin';
  const { t } = useTranslation();
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
            {t('dashboard.title')}
          </Typography>
          <Typography
            color="text.secondary"
            sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', columnGap: 1, mt: 0.5 }}
          >
            {t('dashboard.signedInAs')} <strong>{user?.email}</strong>
            {user && (
              <Chip
                label={t(`common.roles.${user.role}`)}
                size="small"
                color="primary"
                variant="outlined"
              />
            )}
          </Typography>
        </Box>
        <Button
          startIcon={loading ? <CircularProgress size={16} color="inherit" /> : <RefreshOutlined />}
          onClick={() => void reload()}
          disabled={loading}
          sx={{ flexShrink: 0 }}
        >
          {t('dashboard.refresh')}
        </Button>
      </Box>
      {error && (
        <Alert severity="error" sx={{ mb: 3 }}>
          {t('dashboard.loadFailed')} {error}
        </Alert>
      )}
      {!isAdmin && user && <MyWorkSection role={user.role} />}
      {isAdmin && (
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, sm: 6, lg: 3 }}>
            <StatusCard
              title={t('dashboard.system')}
              icon={<MonitorHeartOutlined fontSize="small" />}
              ok={ready ? ready.status === 'ready' : undefined}
              value={pick((d) =>
                d.ready.status === 'ready' ? t('dashboard.ready') : t('dashboard.notReady'),
              )}
              detail={
                data?.status &&
                t('dashboard.versionUptime', {
                  version: data.status.version,
                  uptime: formatUptime(data.status.uptimeSeconds),
                })
              }
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6, lg: 3 }}>
            <StatusCard
              title={t('dashboard.database')}
              icon={<DnsOutlined fontSize="small" />}
              ok={ready ? ready.checks.database.ok && ready.checks.migrations.ok : undefined}
              value={pick((d) =>
                d.ready.checks.database.ok ? t('dashboard.connected') : t('dashboard.unreachable'),
              )}
              detail={
                data &&
                (!data.ready.checks.migrations.ok
                  ? (data.ready.checks.migrations.detail ?? t('dashboard.migrationsPending'))
                  : data.status
                    ? t('dashboard.migrationsApplied', {
                        count: data.status.database.migrationsApplied,
                      })
                    : t('dashboard.migrationsUpToDate'))
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
  const { t } = useTranslation();
  const pick = <T,>(read: (s: SystemStatus) => T): T | null | undefined =>
    status ? read(status) : settled ? null : undefined;
  return (
    <>
      <Grid size={{ xs: 12, sm: 6, lg: 3 }}>
        <StatusCard
          title={t('dashboard.connections')}
          icon={<StorageOutlined fontSize="small" />}
          value={pick((s) => s.connections.count)}
          detail={
            status && t('dashboard.connectionsRegistered', { count: status.connections.count })
          }
        />
      </Grid>
      <Grid size={{ xs: 12, sm: 6, lg: 3 }}>
        <StatusCard
          title={t('dashboard.users')}
          icon={<GroupOutlined fontSize="small" />}
          value={pick((s) => s.users.count)}
          detail={status && t('dashboard.accounts', { count: status.users.count })}
        />
      </Grid>
    </>
  );
}

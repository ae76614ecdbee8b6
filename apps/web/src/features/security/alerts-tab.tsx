// Alerts, live: the list follows the stream (no reload needed); filter by status, severity and
// rule; acknowledge or resolve; each row unfolds its evidence.
import {
  Alert,
  Chip,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useMemo, useState } from 'react';
import { type AlertStatus, type SecuritySeverity } from '@s3am/contracts';
import { api } from '../../api/api-client';
import { problemMessage } from '../../api/problem';
import { AlertRow } from './alert-row';
import { SEVERITIES, SEVERITY_LABEL, STATUS_LABEL } from './security-display';
import { useAlertFeed, type StreamState } from './use-alert-stream';
import { useTranslation } from 'react-i18next';

const CONNECTION_LABEL = {
  connecting: { label: 'security.alerts.connecting', color: 'default' },
  live: { label: 'security.alerts.live', color: 'success' },
  reconnecting: { label: 'security.alerts.reconnecting', color: 'default' },
  closed: { label: 'security.alerts.notLive', color: 'default' },
} as const satisfies Record<StreamState, { label: string; color: 'success' | 'default' }>;

export function AlertsTab() {
  const feed = useAlertFeed();
  const { t } = useTranslation();
  const [status, setStatus] = useState<AlertStatus | 'all'>('open');
  const [severity, setSeverity] = useState<SecuritySeverity | 'all'>('all');
  const [rule, setRule] = useState('all');
  const [actionError, setActionError] = useState<string | null>(null);

  const rules = useMemo(
    () => [...new Set(feed.alerts.map((alert) => alert.rule))].sort(),
    [feed.alerts],
  );
  const shown = feed.alerts.filter(
    (alert) =>
      (status === 'all' || alert.status === status) &&
      (severity === 'all' || alert.severity === severity) &&
      (rule === 'all' || alert.rule === rule),
  );

  const change = async (id: string, verb: 'ack' | 'resolve') => {
    setActionError(null);
    try {
      const args = { params: { id } };
      feed.upsert(await (verb === 'ack' ? api.acknowledgeAlert(args) : api.resolveAlert(args)));
    } catch (caught) {
      setActionError(problemMessage(caught));
    }
  };

  const live = CONNECTION_LABEL[feed.connection];
  return (
    <Stack spacing={2}>
      <Stack
        direction={{ xs: 'column', sm: 'row' }}
        spacing={2}
        sx={{ alignItems: { xs: 'stretch', sm: 'center' } }}
      >
        <TextField
          select
          size="small"
          label={t('security.alerts.status')}
          value={status}
          onChange={(event) => setStatus(event.target.value as AlertStatus | 'all')}
          sx={{ minWidth: 160 }}
        >
          <MenuItem value="all">{t('security.alerts.all')}</MenuItem>
          {(['open', 'acknowledged', 'resolved'] as const).map((value) => (
            <MenuItem key={value} value={value}>
              {t(STATUS_LABEL[value])}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          size="small"
          label={t('security.alerts.severity')}
          value={severity}
          onChange={(event) => setSeverity(event.target.value as SecuritySeverity | 'all')}
          sx={{ minWidth: 140 }}
        >
          <MenuItem value="all">{t('security.alerts.all')}</MenuItem>
          {SEVERITIES.map((value) => (
            <MenuItem key={value} value={value}>
              {t(SEVERITY_LABEL[value])}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          size="small"
          label={t('security.alerts.rule')}
          value={rule}
          onChange={(event) => setRule(event.target.value)}
          sx={{ minWidth: 200 }}
        >
          <MenuItem value="all">{t('security.alerts.all')}</MenuItem>
          {rules.map((value) => (
            <MenuItem key={value} value={value}>
              {value}
            </MenuItem>
          ))}
        </TextField>
        <Chip
          size="small"
          variant="outlined"
          color={live.color}
          label={t(live.label)}
          data-testid="alert-stream-state"
          sx={{ alignSelf: { xs: 'flex-start', sm: 'center' } }}
        />
      </Stack>
      {feed.error && <Alert severity="error">{feed.error}</Alert>}
      {actionError && <Alert severity="error">{actionError}</Alert>}
      <TableContainer tabIndex={0} aria-label={t('security.alerts.scrollable')}>
        <Table size="small" aria-label={t('security.alerts.label')}>
          <TableHead>
            <TableRow>
              <TableCell padding="checkbox" />
              <TableCell>{t('security.alerts.severity')}</TableCell>
              <TableCell>{t('security.alerts.rule')}</TableCell>
              <TableCell>{t('security.alerts.subject')}</TableCell>
              <TableCell align="right">{t('security.alerts.count')}</TableCell>
              <TableCell>{t('security.alerts.lastSeen')}</TableCell>
              <TableCell>{t('security.alerts.status')}</TableCell>
              <TableCell align="right">{t('security.alerts.actions')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map((alert) => (
              <AlertRow key={alert.id} alert={alert} onChange={change} />
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {!feed.loading && shown.length === 0 && (
        <Typography color="text.secondary">{t('security.alerts.none')}</Typography>
      )}
    </Stack>
  );
}

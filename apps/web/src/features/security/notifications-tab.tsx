// Notifications: the channels, and recent deliveries — a failed one stays visible here with its
// error and attempts (never silently dropped).
import {
  Alert,
  Chip,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { api } from '../../api/api-client';
import { AsyncButton } from '../common/async-button';
import { useApiQuery } from '../common/use-api-query';
import { formatDateTime } from '../i18n/intl-format';
import { NotificationChannelsForm } from './notification-channels-form';
import { useTranslation } from 'react-i18next';

const STATUS_COLOR = { pending: 'default', sent: 'success', failed: 'error' } as const;

export function NotificationsTab() {
  const { t } = useTranslation();
  const channels = useApiQuery(() => api.getNotificationChannels(), []);
  const deliveries = useApiQuery(async () => (await api.listNotificationDeliveries()).items, []);
  const failed = deliveries.data?.filter((delivery) => delivery.status === 'failed').length ?? 0;

  return (
    <Stack spacing={3}>
      {channels.error && <Alert severity="error">{channels.error}</Alert>}
      {channels.data && (
        <NotificationChannelsForm
          initial={channels.data}
          hasSecret={channels.data.webhook?.hasSecret ?? false}
        />
      )}
      <Stack direction="row" sx={{ alignItems: 'center' }}>
        <Typography variant="h6" component="h2" sx={{ flexGrow: 1 }}>
          {t('security.notifications.recent')}
        </Typography>
        <AsyncButton onClick={deliveries.reload}>{t('security.notifications.refresh')}</AsyncButton>
      </Stack>
      {failed > 0 && (
        <Alert severity="warning">{t('security.notifications.failed', { count: failed })}</Alert>
      )}
      {deliveries.error && <Alert severity="error">{deliveries.error}</Alert>}
      <TableContainer tabIndex={0} aria-label={t('security.notifications.scrollable')}>
        <Table size="small" aria-label={t('security.notifications.label')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('security.notifications.created')}</TableCell>
              <TableCell>{t('security.notifications.channel')}</TableCell>
              <TableCell>{t('security.notifications.status')}</TableCell>
              <TableCell align="right">{t('security.notifications.attempts')}</TableCell>
              <TableCell>{t('security.notifications.error')}</TableCell>
              <TableCell>{t('security.notifications.next')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {(deliveries.data ?? []).map((delivery) => (
              <TableRow key={delivery.id} hover>
                <TableCell>{formatDateTime(delivery.createdAt)}</TableCell>
                <TableCell>{delivery.channel}</TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    color={STATUS_COLOR[delivery.status]}
                    label={delivery.status}
                  />
                </TableCell>
                <TableCell align="right">{delivery.attempts}</TableCell>
                <TableCell sx={{ wordBreak: 'break-word' }}>{delivery.lastError ?? '—'}</TableCell>
                <TableCell>
                  {delivery.sentAt
                    ? formatDateTime(delivery.sentAt)
                    : delivery.nextAttemptAt
                      ? formatDateTime(delivery.nextAttemptAt)
                      : '—'}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {!deliveries.loading && deliveries.data?.length === 0 && (
        <Typography color="text.secondary">{t('security.notifications.none')}</Typography>
      )}
    </Stack>
  );
}

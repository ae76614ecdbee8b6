// One alert: severity, rule, subject, count and times; the buttons to acknowledge or resolve it;
// and its evidence (the events behind it, with the log line for S3/CloudTrail records) unfolded.
import KeyboardArrowDown from '@mui/icons-material/KeyboardArrowDown';
import KeyboardArrowUp from '@mui/icons-material/KeyboardArrowUp';
import {
  Box,
  Chip,
  Collapse,
  IconButton,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import type { SecurityAlertView } from '@s3am/contracts';
import { AsyncButton } from '../common/async-button';
import { formatDateTime } from '../i18n/intl-format';
import { SEVERITY_COLOR, SEVERITY_LABEL, STATUS_LABEL } from './security-display';
import { useTranslation } from 'react-i18next';
import { i18n } from '../i18n/i18n';

interface AlertRowProps {
  alert: SecurityAlertView;
  onChange: (id: string, verb: 'ack' | 'resolve') => Promise<void>;
}

function statusNote(alert: SecurityAlertView): string {
  if (alert.status === 'resolved' && alert.resolvedAt)
    return i18n.t('security.alerts.by', {
      who: alert.resolvedBy ?? i18n.t('security.alerts.someone'),
      when: formatDateTime(alert.resolvedAt),
    });
  if (alert.status === 'acknowledged' && alert.acknowledgedAt)
    return i18n.t('security.alerts.by', {
      who: alert.acknowledgedBy ?? i18n.t('security.alerts.someone'),
      when: formatDateTime(alert.acknowledgedAt),
    });
  return '';
}

export function AlertRow({ alert, onChange }: AlertRowProps) {
  const [open, setOpen] = useState(false);
  const { t } = useTranslation();
  return (
    <>
      <TableRow hover data-testid="alert-row" sx={{ '& > td': { borderBottom: 'unset' } }}>
        <TableCell padding="checkbox">
          <IconButton
            size="small"
            aria-label={
              open ? t('security.alerts.hideEvidence') : t('security.alerts.showEvidence')
            }
            aria-expanded={open}
            onClick={() => setOpen(!open)}
          >
            {open ? <KeyboardArrowUp /> : <KeyboardArrowDown />}
          </IconButton>
        </TableCell>
        <TableCell>
          <Chip
            size="small"
            color={SEVERITY_COLOR[alert.severity]}
            label={t(SEVERITY_LABEL[alert.severity])}
          />
        </TableCell>
        <TableCell sx={{ minWidth: 200 }}>
          <Typography variant="body2" sx={{ fontWeight: 500 }}>
            {alert.rule}
          </Typography>
          <Typography variant="caption" color="text.secondary">
            {alert.summary}
          </Typography>
        </TableCell>
        <TableCell sx={{ minWidth: 150 }}>
          <Typography variant="caption" color="text.secondary" component="div">
            {alert.subjectType === 'ip' ? t('security.alerts.address') : t('security.alerts.user')}
          </Typography>
          <Typography variant="body2" sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}>
            {alert.subject}
          </Typography>
        </TableCell>
        <TableCell align="right">{alert.count}</TableCell>
        <TableCell>{formatDateTime(alert.lastSeen)}</TableCell>
        <TableCell>
          <Typography variant="body2">{t(STATUS_LABEL[alert.status])}</Typography>
          <Typography variant="caption" color="text.secondary">
            {statusNote(alert)}
          </Typography>
        </TableCell>
        <TableCell align="right">
          <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
            {alert.status === 'open' && (
              <AsyncButton size="small" onClick={() => onChange(alert.id, 'ack')}>
                {t('security.alerts.acknowledge')}
              </AsyncButton>
            )}
            {alert.status !== 'resolved' && (
              <AsyncButton size="small" onClick={() => onChange(alert.id, 'resolve')}>
                {t('security.alerts.resolve')}
              </AsyncButton>
            )}
          </Stack>
        </TableCell>
      </TableRow>
      <TableRow>
        <TableCell sx={{ py: 0 }} colSpan={8}>
          <Collapse in={open} unmountOnExit>
            <Box sx={{ my: 1.5 }}>
              <Typography variant="subtitle2" gutterBottom>
                {t('security.alerts.evidenceTitle', { when: formatDateTime(alert.firstSeen) })}
              </Typography>
              <Table size="small" aria-label={t('security.alerts.evidence')}>
                <TableHead>
                  <TableRow>
                    <TableCell>{t('security.alerts.when')}</TableCell>
                    <TableCell>{t('security.alerts.event')}</TableCell>
                    <TableCell>{t('security.alerts.source')}</TableCell>
                    <TableCell>{t('security.alerts.ip')}</TableCell>
                    <TableCell>{t('security.alerts.requestLine')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {alert.evidence.map((item) => (
                    <TableRow key={item.id}>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(item.at)}</TableCell>
                      <TableCell>{item.kind}</TableCell>
                      <TableCell>{item.source}</TableCell>
                      <TableCell sx={{ fontFamily: 'monospace' }}>{item.ip ?? '—'}</TableCell>
                      <TableCell
                        sx={{ fontFamily: 'monospace', fontSize: 12, wordBreak: 'break-all' }}
                      >
                        {item.line ??
                          (item.requestId
                            ? t('security.alerts.request', { id: item.requestId })
                            : '—')}
                        {item.auditSeq ? t('security.alerts.auditSeq', { seq: item.auditSeq }) : ''}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Box>
          </Collapse>
        </TableCell>
      </TableRow>
    </>
  );
}

// The audit events table, newest first; an event opens in full in a drawer (its action is a
// button, and a click anywhere on the row does the same).
import {
  Chip,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Link,
  Paper,
} from '@mui/material';
import { useState } from 'react';
import type { AuditEventView } from '@s3am/contracts';
import { formatDateTime } from '../i18n/intl-format';
import { AuditEventDrawer } from './audit-event-drawer';
import { describeTarget } from './audit-target';
import { useTranslation } from 'react-i18next';

const OUTCOME_COLOR = { success: 'success', failure: 'warning', denied: 'error' } as const;

export function AuditTable({ events }: { events: AuditEventView[] }) {
  const [open, setOpen] = useState<AuditEventView | null>(null);
  const { t } = useTranslation();
  return (
    <>
      {/* Wider than a phone: the scroll region takes focus so keyboard users can scroll it too. */}
      <TableContainer
        component={Paper}
        variant="outlined"
        tabIndex={0}
        role="region"
        aria-label={t('audit.table.scrollable')}
      >
        <Table size="small" aria-label={t('audit.table.label')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('audit.table.time')}</TableCell>
              <TableCell>{t('audit.table.actor')}</TableCell>
              <TableCell>{t('audit.table.action')}</TableCell>
              <TableCell>{t('audit.table.outcome')}</TableCell>
              <TableCell>{t('audit.table.target')}</TableCell>
              <TableCell>{t('audit.table.ip')}</TableCell>
              <TableCell>{t('audit.table.details')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {events.map((event) => (
              <TableRow
                key={event.seq}
                hover
                onClick={() => setOpen(event)}
                sx={{ cursor: 'pointer' }}
              >
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(event.at)}</TableCell>
                <TableCell>{event.actorEmail ?? '—'}</TableCell>
                <TableCell>
                  <Link
                    component="button"
                    type="button"
                    onClick={(click) => {
                      click.stopPropagation();
                      setOpen(event);
                    }}
                    sx={{ fontFamily: 'monospace', textAlign: 'left' }}
                  >
                    {event.action}
                  </Link>
                </TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    label={t(`audit.outcomes.${event.outcome}`)}
                    color={OUTCOME_COLOR[event.outcome]}
                    variant="outlined"
                  />
                </TableCell>
                <TableCell sx={{ overflowWrap: 'anywhere' }}>{describeTarget(event)}</TableCell>
                <TableCell>{event.ip ?? '—'}</TableCell>
                <TableCell sx={{ maxWidth: 280 }}>
                  <span style={{ fontFamily: 'monospace', fontSize: 12, wordBreak: 'break-all' }}>
                    {Object.keys(event.details).length ? JSON.stringify(event.details) : ''}
                  </span>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <AuditEventDrawer event={open} onClose={() => setOpen(null)} />
    </>
  );
}

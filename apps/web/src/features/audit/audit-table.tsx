// The audit events table, newest first; an event opens in full in a drawer (its action is a
// button, and a click anywhere on the row does the same).
import {
  Box,
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

/** `key: value` pairs on one line, values as JSON unless they are text. */
function detailsSummary(details: AuditEventView['details']): string {
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
}

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
        <Table size="small" aria-label={t('audit.table.label')} sx={{ minWidth: 900 }}>
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
                <TableCell sx={{ minWidth: 120 }}>{formatDateTime(event.at)}</TableCell>
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
                <TableCell sx={{ minWidth: 110, overflowWrap: 'anywhere' }}>
                  {describeTarget(event)}
                </TableCell>
                <TableCell>{event.ip ?? '—'}</TableCell>
                <TableCell sx={{ minWidth: 200, maxWidth: 360 }}>
                  {/* Two lines at most: the drawer (a click on the row) shows every field. */}
                  <Box
                    component="span"
                    sx={{
                      display: '-webkit-box',
                      WebkitLineClamp: 2,
                      WebkitBoxOrient: 'vertical',
                      overflow: 'hidden',
                      overflowWrap: 'anywhere',
                      fontFamily: 'monospace',
                      fontSize: 12,
                    }}
                  >
                    {detailsSummary(event.details)}
                  </Box>
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

// The audit events table, newest first.
import {
  Chip,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Tooltip,
  Paper,
} from '@mui/material';
import type { AuditEventView } from '@s3am/contracts';
import { formatDateTime } from '../i18n/intl-format';

const OUTCOME_COLOR = { success: 'success', failure: 'warning', denied: 'error' } as const;

export function AuditTable({ events }: { events: AuditEventView[] }) {
  return (
    // Wider than a phone: the scroll region takes focus so keyboard users can scroll it too.
    <TableContainer
      component={Paper}
      variant="outlined"
      tabIndex={0}
      role="region"
      aria-label="Audit events, scrollable"
    >
      <Table size="small" aria-label="Audit events">
        <TableHead>
          <TableRow>
            <TableCell>Time</TableCell>
            <TableCell>Actor</TableCell>
            <TableCell>Action</TableCell>
            <TableCell>Outcome</TableCell>
            <TableCell>Target</TableCell>
            <TableCell>IP</TableCell>
            <TableCell>Details</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {events.map((event) => (
            <TableRow key={event.seq} hover>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(event.at)}</TableCell>
              <TableCell>{event.actorEmail ?? '—'}</TableCell>
              <TableCell sx={{ fontFamily: 'monospace' }}>{event.action}</TableCell>
              <TableCell>
                <Chip
                  size="small"
                  label={event.outcome}
                  color={OUTCOME_COLOR[event.outcome]}
                  variant="outlined"
                />
              </TableCell>
              <TableCell>
                {event.targetType
                  ? `${event.targetType} ${event.targetId?.slice(0, 8) ?? ''}`
                  : '—'}
              </TableCell>
              <TableCell>{event.ip ?? '—'}</TableCell>
              <TableCell sx={{ maxWidth: 280 }}>
                {/* A description, not a label: the span's text is what it says. */}
                <Tooltip
                  describeChild
                  title={`request ${event.requestId ?? '—'} · hash ${event.hash.slice(0, 16)}…`}
                >
                  <span style={{ fontFamily: 'monospace', fontSize: 12, wordBreak: 'break-all' }}>
                    {Object.keys(event.details).length ? JSON.stringify(event.details) : ''}
                  </span>
                </Tooltip>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

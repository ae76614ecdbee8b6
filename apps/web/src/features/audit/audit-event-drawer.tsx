// One audit event in full, field by field: who, what, when, from where, about what, its details
// (each key on its own line) and its place in the hash chain.
import CloseOutlined from '@mui/icons-material/CloseOutlined';
import { Box, Chip, Drawer, IconButton, Stack, Typography } from '@mui/material';
import type { AuditEventView } from '@s3am/contracts';
import type { ReactNode } from 'react';
import { formatDateTime } from '../i18n/intl-format';
import { describeTarget } from './audit-target';
import { useTranslation } from 'react-i18next';

const OUTCOME_COLOR = { success: 'success', failure: 'warning', denied: 'error' } as const;

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <Typography component="dt" variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography component="dd" variant="body2" sx={{ m: 0, overflowWrap: 'anywhere' }}>
        {children}
      </Typography>
    </>
  );
}

function detailText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function AuditEventDrawer({
  event,
  onClose,
}: {
  event: AuditEventView | null;
  onClose: () => void;
}) {
  const details = Object.entries(event?.details ?? {});
  const { t } = useTranslation();
  return (
    <Drawer
      anchor="right"
      open={event !== null}
      onClose={onClose}
      sx={{ zIndex: (theme) => theme.zIndex.drawer + 2 }}
      slotProps={{
        paper: {
          'aria-labelledby': 'audit-event-title',
          sx: { width: { xs: '100%', sm: 440 }, p: 3 },
        },
      }}
    >
      {event && (
        <Stack spacing={2}>
          <Stack direction="row" sx={{ alignItems: 'center' }}>
            <Typography id="audit-event-title" variant="h6" component="h2" sx={{ flexGrow: 1 }}>
              {t('audit.event.title', { seq: event.seq })}
            </Typography>
            <IconButton aria-label={t('common.close')} onClick={onClose}>
              <CloseOutlined />
            </IconButton>
          </Stack>
          <Box
            component="dl"
            sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: 1, m: 0 }}
          >
            <Field label={t('audit.table.action')}>
              <Box component="span" sx={{ fontFamily: 'monospace' }}>
                {event.action}
              </Box>
            </Field>
            <Field label={t('audit.table.outcome')}>
              <Chip
                size="small"
                variant="outlined"
                label={t(`audit.outcomes.${event.outcome}`)}
                color={OUTCOME_COLOR[event.outcome]}
              />
            </Field>
            <Field label={t('audit.table.time')}>{formatDateTime(event.at)}</Field>
            <Field label={t('audit.table.actor')}>{event.actorEmail ?? event.actorId ?? '—'}</Field>
            <Field label={t('audit.table.target')}>{describeTarget(event)}</Field>
            {event.targetId && <Field label={t('audit.event.targetId')}>{event.targetId}</Field>}
            <Field label={t('audit.table.ip')}>{event.ip ?? '—'}</Field>
            <Field label={t('audit.event.browser')}>{event.userAgent ?? '—'}</Field>
            <Field label={t('audit.event.requestId')}>{event.requestId ?? '—'}</Field>
          </Box>
          <Typography variant="subtitle2" component="h3">
            {t('audit.table.details')}
          </Typography>
          {details.length === 0 ? (
            <Typography variant="body2" color="text.secondary">
              {t('audit.event.none')}
            </Typography>
          ) : (
            <Box
              component="dl"
              aria-label={t('audit.event.detailsLabel')}
              sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: 1, m: 0 }}
            >
              {details.map(([key, value]) => (
                <Field key={key} label={key}>
                  {detailText(value)}
                </Field>
              ))}
            </Box>
          )}
          <Typography variant="subtitle2" component="h3">
            {t('audit.event.hashChain')}
          </Typography>
          <Box
            component="dl"
            sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: 1, m: 0 }}
          >
            <Field label={t('audit.event.hash')}>
              <Box component="span" sx={{ fontFamily: 'monospace' }}>
                {event.hash}
              </Box>
            </Field>
            <Field label={t('audit.event.previous')}>
              <Box component="span" sx={{ fontFamily: 'monospace' }}>
                {event.prevHash ?? '—'}
              </Box>
            </Field>
          </Box>
        </Stack>
      )}
    </Drawer>
  );
}

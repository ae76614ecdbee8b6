// Filter bar of the audit page.
import { MenuItem, Stack, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { AuditQuery } from '@s3am/contracts';

export interface AuditFilterValues {
  q: string;
  actor: string;
  action: string;
  outcome: '' | 'success' | 'failure' | 'denied';
  from: string;
  to: string;
}

export const EMPTY_AUDIT_FILTERS: AuditFilterValues = {
  q: '',
  actor: '',
  action: '',
  outcome: '',
  from: '',
  to: '',
};

/** The API's query parameters for these filters (datetime-local values become ISO instants). */
type AuditFilterQuery = Pick<AuditQuery, 'q' | 'actor' | 'action' | 'outcome' | 'from' | 'to'>;

export function auditParams(filters: AuditFilterValues): AuditFilterQuery {
  const params: AuditFilterQuery = {};
  for (const key of ['q', 'actor', 'action'] as const) if (filters[key]) params[key] = filters[key];
  if (filters.outcome) params.outcome = filters.outcome;
  if (filters.from) params.from = new Date(filters.from).toISOString();
  if (filters.to) params.to = new Date(filters.to).toISOString();
  return params;
}

export function AuditFilters({
  value,
  onChange,
}: {
  value: AuditFilterValues;
  onChange: (next: AuditFilterValues) => void;
}) {
  const { t } = useTranslation();
  const set = (key: keyof AuditFilterValues) => (event: { target: { value: string } }) =>
    onChange({ ...value, [key]: event.target.value });
  return (
    // Wraps instead of squeezing: every field keeps room for its label.
    <Stack
      direction={{ xs: 'column', sm: 'row' }}
      spacing={1.5}
      useFlexGap
      sx={{ mb: 2, flexWrap: 'wrap' }}
    >
      <TextField
        size="small"
        label={t('audit.filters.search')}
        value={value.q}
        onChange={set('q')}
        sx={{ flex: '2 1 200px' }}
      />
      <TextField
        size="small"
        label={t('audit.filters.actor')}
        value={value.actor}
        onChange={set('actor')}
        sx={{ flex: '2 1 200px' }}
      />
      <TextField
        size="small"
        label={t('audit.filters.action')}
        placeholder={t('audit.filters.actionPlaceholder')}
        value={value.action}
        onChange={set('action')}
        sx={{ flex: '1 1 170px' }}
      />
      <TextField
        size="small"
        select
        label={t('audit.filters.outcome')}
        value={value.outcome}
        onChange={set('outcome')}
        sx={{ flex: '0 1 150px' }}
      >
        <MenuItem value="">{t('audit.filters.any')}</MenuItem>
        <MenuItem value="success">{t('audit.filters.success')}</MenuItem>
        <MenuItem value="failure">{t('audit.filters.failure')}</MenuItem>
        <MenuItem value="denied">{t('audit.filters.denied')}</MenuItem>
      </TextField>
      <TextField
        size="small"
        type="datetime-local"
        label={t('audit.filters.from')}
        value={value.from}
        onChange={set('from')}
        slotProps={{ inputLabel: { shrink: true } }}
        sx={{ flex: '1 1 220px' }}
      />
      <TextField
        size="small"
        type="datetime-local"
        label={t('audit.filters.to')}
        value={value.to}
        onChange={set('to')}
        slotProps={{ inputLabel: { shrink: true } }}
        sx={{ flex: '1 1 220px' }}
      />
    </Stack>
  );
}

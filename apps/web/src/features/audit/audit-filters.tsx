// Filter bar of the audit page.
import { MenuItem, Stack, TextField } from '@mui/material';

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
export function auditParams(filters: AuditFilterValues): Record<string, string> {
  const params: Record<string, string> = {};
  for (const key of ['q', 'actor', 'action', 'outcome'] as const)
    if (filters[key]) params[key] = filters[key];
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
  const set = (key: keyof AuditFilterValues) => (event: { target: { value: string } }) =>
    onChange({ ...value, [key]: event.target.value });
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={1.5} sx={{ mb: 2 }}>
      <TextField size="small" label="Search" value={value.q} onChange={set('q')} sx={{ flex: 2 }} />
      <TextField
        size="small"
        label="Actor (email, part of it, or id)"
        value={value.actor}
        onChange={set('actor')}
        sx={{ flex: 2 }}
      />
      <TextField
        size="small"
        label="Action"
        placeholder="auth. or user.create"
        value={value.action}
        onChange={set('action')}
        sx={{ flex: 1.5 }}
      />
      <TextField
        size="small"
        select
        label="Outcome"
        value={value.outcome}
        onChange={set('outcome')}
        sx={{ minWidth: 130 }}
      >
        <MenuItem value="">Any</MenuItem>
        <MenuItem value="success">Success</MenuItem>
        <MenuItem value="failure">Failure</MenuItem>
        <MenuItem value="denied">Denied</MenuItem>
      </TextField>
      <TextField
        size="small"
        type="datetime-local"
        label="From"
        value={value.from}
        onChange={set('from')}
        slotProps={{ inputLabel: { shrink: true } }}
      />
      <TextField
        size="small"
        type="datetime-local"
        label="To"
        value={value.to}
        onChange={set('to')}
        slotProps={{ inputLabel: { shrink: true } }}
      />
    </Stack>
  );
}

// Adding or editing a custom rule: which events (kinds, optional minimum bytes or HTTP status),
// count or byte sum over a window, grouped by address or user, threshold, severity and action.
// The whole rule set is saved by the caller; the API's field errors for this rule
// ("custom.<index>.<field>") show under these fields.
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { SecurityEventKind, type CustomRule, type SecuritySeverity } from '@s3am/contracts';
import { formDialogPaper } from '../common/form-dialog-paper';
import type { FormProblem } from '../common/use-form-problem';
import { SEVERITIES } from './security-display';

const EMPTY: CustomRule = {
  name: '',
  enabled: true,
  description: '',
  filter: { kinds: ['request.failed'] },
  aggregate: 'count',
  windowSeconds: 300,
  groupBy: 'ip',
  threshold: 20,
  severity: 'MEDIUM',
  action: 'alert',
  blockMinutes: 60,
};

const ACTIONS: Record<CustomRule['action'], string> = {
  alert: 'Alert',
  alert_block_ip: 'Alert and block the address',
  alert_disable_user: 'Alert and disable the user',
};

const num = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));
const shown = (value: number | undefined) =>
  value === undefined || Number.isNaN(value) ? '' : value;

export function CustomRuleDialog(props: {
  /** The rule to edit, or null to add one; undefined = closed. */
  rule: CustomRule | null | undefined;
  /** Where the rule sits in the list the API sees (for its field errors). */
  index: number;
  problem: FormProblem;
  onSave: (rule: CustomRule) => Promise<boolean>;
  onClose: () => void;
}) {
  const { rule, index, problem, onSave, onClose } = props;
  const [draft, setDraft] = useState<CustomRule>(EMPTY);
  useEffect(() => {
    if (rule !== undefined) setDraft(rule ?? EMPTY);
  }, [rule]);
  const set = (patch: Partial<CustomRule>) => setDraft({ ...draft, ...patch });
  const setFilter = (patch: Partial<CustomRule['filter']>) =>
    set({ filter: { ...draft.filter, ...patch } });
  const field = (name: string) => problem.fieldProps(`custom.${index}.${name}`);
  const submit = async () => {
    if (await onSave(draft)) onClose();
  };

  return (
    <Dialog
      open={rule !== undefined}
      onClose={onClose}
      fullWidth
      maxWidth="sm"
      slotProps={formDialogPaper(() => void submit())}
    >
      <DialogTitle>{rule ? `Edit rule ${rule.name}` : 'Add a custom rule'}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {problem.message && <Alert severity="error">{problem.message}</Alert>}
          <TextField
            label="Name"
            value={draft.name}
            onChange={(event) => set({ name: event.target.value })}
            autoFocus
            {...field('name')}
            helperText={problem.fieldError(`custom.${index}.name`) ?? 'e.g. many-deletes'}
          />
          <TextField
            label="Description"
            value={draft.description}
            onChange={(event) => set({ description: event.target.value })}
            {...field('description')}
          />
          <TextField
            select
            label="Events"
            value={draft.filter.kinds}
            slotProps={{ select: { multiple: true } }}
            onChange={(event) => {
              const value = event.target.value as unknown as string[] | string;
              setFilter({
                kinds: (typeof value === 'string'
                  ? value.split(',')
                  : value) as CustomRule['filter']['kinds'],
              });
            }}
            {...field('filter.kinds')}
          >
            {SecurityEventKind.options.map((kind) => (
              <MenuItem key={kind} value={kind}>
                {kind}
              </MenuItem>
            ))}
          </TextField>
          <Stack direction="row" spacing={2}>
            <TextField
              type="number"
              label="Only with at least (bytes)"
              value={shown(draft.filter.minBytes)}
              onChange={(event) =>
                setFilter({
                  minBytes: event.target.value === '' ? undefined : num(event.target.value),
                })
              }
              {...field('filter.minBytes')}
            />
            <TextField
              type="number"
              label="Only HTTP status"
              value={shown(draft.filter.status)}
              onChange={(event) =>
                setFilter({
                  status: event.target.value === '' ? undefined : num(event.target.value),
                })
              }
              {...field('filter.status')}
            />
          </Stack>
          <Stack direction="row" spacing={2}>
            <TextField
              select
              label="Measure"
              value={draft.aggregate}
              onChange={(event) =>
                set({ aggregate: event.target.value as CustomRule['aggregate'] })
              }
              sx={{ flex: 1 }}
            >
              <MenuItem value="count">Count of events</MenuItem>
              <MenuItem value="sum_bytes">Sum of bytes</MenuItem>
            </TextField>
            <TextField
              type="number"
              label="Above"
              value={shown(draft.threshold)}
              onChange={(event) => set({ threshold: num(event.target.value) })}
              sx={{ flex: 1 }}
              {...field('threshold')}
            />
          </Stack>
          <Stack direction="row" spacing={2}>
            <TextField
              type="number"
              label="Within (seconds)"
              value={shown(draft.windowSeconds)}
              onChange={(event) => set({ windowSeconds: num(event.target.value) })}
              sx={{ flex: 1 }}
              {...field('windowSeconds')}
            />
            <TextField
              select
              label="Per"
              value={draft.groupBy}
              onChange={(event) => set({ groupBy: event.target.value as CustomRule['groupBy'] })}
              sx={{ flex: 1 }}
              {...field('groupBy')}
            >
              <MenuItem value="ip">Address</MenuItem>
              <MenuItem value="user">User</MenuItem>
            </TextField>
          </Stack>
          <Stack direction="row" spacing={2}>
            <TextField
              select
              label="Severity"
              value={draft.severity}
              onChange={(event) => set({ severity: event.target.value as SecuritySeverity })}
              sx={{ flex: 1 }}
            >
              {SEVERITIES.map((severity) => (
                <MenuItem key={severity} value={severity}>
                  {severity}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              select
              label="Action"
              value={draft.action}
              onChange={(event) => set({ action: event.target.value as CustomRule['action'] })}
              sx={{ flex: 2 }}
              {...field('action')}
            >
              {Object.entries(ACTIONS).map(([value, label]) => (
                <MenuItem key={value} value={value}>
                  {label}
                </MenuItem>
              ))}
            </TextField>
          </Stack>
          {draft.action === 'alert_block_ip' && (
            <TextField
              type="number"
              label="Block for (minutes)"
              value={shown(draft.blockMinutes)}
              onChange={(event) => set({ blockMinutes: num(event.target.value) })}
              {...field('blockMinutes')}
            />
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="contained">
          Save rule
        </Button>
      </DialogActions>
    </Dialog>
  );
}

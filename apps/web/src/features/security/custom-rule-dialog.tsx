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
import { useTranslation } from 'react-i18next';
import { SecurityEventKind, type CustomRule, type SecuritySeverity } from '@s3am/contracts';
import { formDialogPaper } from '../common/form-dialog-paper';
import type { FormProblem } from '../common/use-form-problem';
import { SEVERITIES, SEVERITY_LABEL } from './security-display';

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

const ACTIONS: CustomRule['action'][] = ['alert', 'alert_block_ip', 'alert_disable_user'];

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
  const { t } = useTranslation();
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
      <DialogTitle>
        {rule
          ? t('security.customRule.editTitle', { name: rule.name })
          : t('security.customRule.addTitle')}
      </DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {problem.message && <Alert severity="error">{problem.message}</Alert>}
          <TextField
            label={t('security.customRule.name')}
            value={draft.name}
            onChange={(event) => set({ name: event.target.value })}
            autoFocus
            {...field('name')}
            helperText={
              problem.fieldError(`custom.${index}.name`) ?? t('security.customRule.nameHelp')
            }
          />
          <TextField
            label={t('security.customRule.description')}
            value={draft.description}
            onChange={(event) => set({ description: event.target.value })}
            {...field('description')}
          />
          <TextField
            select
            label={t('security.customRule.events')}
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
              label={t('security.customRule.minBytes')}
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
              label={t('security.customRule.status')}
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
              label={t('security.customRule.measure')}
              value={draft.aggregate}
              onChange={(event) =>
                set({ aggregate: event.target.value as CustomRule['aggregate'] })
              }
              sx={{ flex: 1 }}
            >
              <MenuItem value="count">{t('security.customRule.countOfEvents')}</MenuItem>
              <MenuItem value="sum_bytes">{t('security.customRule.sumOfBytes')}</MenuItem>
            </TextField>
            <TextField
              type="number"
              label={t('security.customRule.above')}
              value={shown(draft.threshold)}
              onChange={(event) => set({ threshold: num(event.target.value) })}
              sx={{ flex: 1 }}
              {...field('threshold')}
            />
          </Stack>
          <Stack direction="row" spacing={2}>
            <TextField
              type="number"
              label={t('security.customRule.withinSeconds')}
              value={shown(draft.windowSeconds)}
              onChange={(event) => set({ windowSeconds: num(event.target.value) })}
              sx={{ flex: 1 }}
              {...field('windowSeconds')}
            />
            <TextField
              select
              label={t('security.customRule.per')}
              value={draft.groupBy}
              onChange={(event) => set({ groupBy: event.target.value as CustomRule['groupBy'] })}
              sx={{ flex: 1 }}
              {...field('groupBy')}
            >
              <MenuItem value="ip">{t('security.customRule.address')}</MenuItem>
              <MenuItem value="user">{t('security.customRule.user')}</MenuItem>
            </TextField>
          </Stack>
          <Stack direction="row" spacing={2}>
            <TextField
              select
              label={t('security.customRule.severity')}
              value={draft.severity}
              onChange={(event) => set({ severity: event.target.value as SecuritySeverity })}
              sx={{ flex: 1 }}
            >
              {SEVERITIES.map((severity) => (
                <MenuItem key={severity} value={severity}>
                  {t(SEVERITY_LABEL[severity])}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              select
              label={t('security.customRule.action')}
              value={draft.action}
              onChange={(event) => set({ action: event.target.value as CustomRule['action'] })}
              sx={{ flex: 2 }}
              {...field('action')}
            >
              {ACTIONS.map((action) => (
                <MenuItem key={action} value={action}>
                  {t(`security.customRule.actions.${action}`)}
                </MenuItem>
              ))}
            </TextField>
          </Stack>
          {draft.action === 'alert_block_ip' && (
            <TextField
              type="number"
              label={t('security.customRule.blockMinutes')}
              value={shown(draft.blockMinutes)}
              onChange={(event) => set({ blockMinutes: num(event.target.value) })}
              {...field('blockMinutes')}
            />
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="submit" variant="contained">
          {t('security.customRule.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

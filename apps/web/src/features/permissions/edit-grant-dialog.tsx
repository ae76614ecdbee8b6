// Changing a grant's actions and expiry (where it applies stays fixed: remove it and grant anew).
import {
  Alert,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  FormGroup,
  FormLabel,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { GrantAction, type GrantView } from '@s3am/contracts';
import { formDialogPaper } from '../common/form-dialog-paper';
import { useFormProblem } from '../common/use-form-problem';
import { ACTION_LABELS } from './grant-dialog';
import { api } from '../../api/api-client';
import { useTranslation } from 'react-i18next';

/** A date picked in the form means "until the end of that day", in the admin's time zone. */
function endOfDay(date: string): string {
  return new Date(`${date}T23:59:59`).toISOString();
}

/** The expiry as the date input shows it (local day), or '' for "never". */
function dayOf(expiresAt: string | null): string {
  if (!expiresAt) return '';
  const at = new Date(expiresAt);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

export function EditGrantDialog({
  grant,
  onClose,
  onSaved,
}: {
  grant: GrantView | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [actions, setActions] = useState<GrantAction[]>([]);
  const { t } = useTranslation();
  const [expiresOn, setExpiresOn] = useState('');
  const [loadedFor, setLoadedFor] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const problem = useFormProblem();
  if (grant && loadedFor !== grant.id) {
    setLoadedFor(grant.id);
    setActions(grant.actions);
    setExpiresOn(dayOf(grant.expiresAt));
    problem.setMessage(null);
  }

  const save = async () => {
    if (!grant || saving || actions.length === 0) return;
    setSaving(true);
    problem.setMessage(null);
    try {
      await api.updateGrant({
        params: { id: grant.id },
        body: { actions, expiresAt: expiresOn ? endOfDay(expiresOn) : null },
      });
      onSaved();
      onClose();
    } catch (caught) {
      problem.show(caught, ['actions', 'expiresAt']);
    } finally {
      setSaving(false);
    }
  };

  const where = grant
    ? `${grant.connectionName} › ${grant.bucket} › ${grant.prefix || t('permissions.dialog.wholeBucket')}`
    : '';
  return (
    <Dialog
      open={grant !== null}
      onClose={onClose}
      fullWidth
      maxWidth="xs"
      slotProps={{
        ...formDialogPaper(() => void save()),
        transition: { onExited: () => setLoadedFor(null) },
      }}
    >
      <DialogTitle>{t('permissions.dialog.editTitle')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {problem.message && <Alert severity="error">{problem.message}</Alert>}
          <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
            {grant?.userEmail ?? grant?.groupName} · {where}
          </Typography>
          <FormGroup>
            <FormLabel component="legend" error={problem.fieldError('actions') !== undefined}>
              {t('permissions.dialog.actions')}
            </FormLabel>
            {GrantAction.options.map((action) => (
              <FormControlLabel
                key={action}
                label={t(ACTION_LABELS[action])}
                control={
                  <Checkbox
                    checked={actions.includes(action)}
                    onChange={(event) =>
                      setActions(
                        event.target.checked
                          ? [...actions, action]
                          : actions.filter((a) => a !== action),
                      )
                    }
                  />
                }
              />
            ))}
            {problem.fieldError('actions') && (
              <Typography variant="caption" color="error">
                {problem.fieldError('actions')}
              </Typography>
            )}
          </FormGroup>
          <TextField
            type="date"
            label={t('permissions.dialog.expires')}
            value={expiresOn}
            onChange={(event) => setExpiresOn(event.target.value)}
            helperText={t('permissions.dialog.editExpiresHelp')}
            slotProps={{ inputLabel: { shrink: true } }}
            {...problem.fieldProps('expiresAt')}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="submit" variant="contained" disabled={actions.length === 0} loading={saving}>
          {t('permissions.dialog.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

// Creates a grant: a user or group, a connection's bucket, a prefix, actions and an optional expiry.
import {
  Alert,
  Autocomplete,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormLabel,
  MenuItem,
  Stack,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
} from '@mui/material';
import { useState } from 'react';
import type { ConnectionView, GrantAction, GroupView } from '@s3am/contracts';
import { problemMessage } from '../../api/problem';
import { formDialogPaper } from '../common/form-dialog-paper';
import { api } from '../../api/api-client';
import { type UserOption } from './permissions-api';
import { PrefixPicker } from './prefix-picker';
import { UserPicker } from './user-picker';
import { useTranslation } from 'react-i18next';

/** The label keys of grant actions, in the order the forms offer them. */
export const ACTION_LABELS = {
  list: 'permissions.actions.list',
  read: 'permissions.actions.read',
  write: 'permissions.actions.write',
  delete: 'permissions.actions.delete',
} as const satisfies Record<GrantAction, string>;

interface FormState {
  granteeType: 'user' | 'group';
  user: UserOption | null;
  groupId: string;
  connectionId: string;
  bucket: string;
  prefix: string;
  actions: GrantAction[];
  expiresOn: string;
}

const EMPTY: FormState = {
  granteeType: 'user',
  user: null,
  groupId: '',
  connectionId: '',
  bucket: '',
  prefix: '',
  actions: ['list', 'read'],
  expiresOn: '',
};

/** A date picked in the form means "until the end of that day", in the admin's time zone. */
function endOfDay(date: string): string {
  return new Date(`${date}T23:59:59`).toISOString();
}

export function GrantDialog({
  open,
  connections,
  groups,
  onClose,
  onCreated,
}: {
  open: boolean;
  connections: ConnectionView[];
  groups: GroupView[];
  onClose: () => void;
  onCreated: () => void;
}) {
  const [form, setForm] = useState<FormState>(EMPTY);
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const set = (patch: Partial<FormState>) => setForm({ ...form, ...patch });
  const connection = connections.find((c) => c.id === form.connectionId);
  const grantee = form.granteeType === 'user' ? form.user : form.groupId;
  const complete = Boolean(grantee && form.connectionId && form.bucket && form.actions.length);

  const toggleAction = (action: GrantAction, on: boolean) =>
    set({
      actions: on ? [...form.actions, action] : form.actions.filter((a) => a !== action),
    });

  const save = async () => {
    setError(null);
    try {
      await api.createGrant({
        body: {
          userId: form.granteeType === 'user' ? (form.user?.id ?? null) : null,
          groupId: form.granteeType === 'group' ? form.groupId : null,
          connectionId: form.connectionId,
          bucket: form.bucket.trim(),
          prefix: form.prefix.trim(),
          actions: form.actions,
          expiresAt: form.expiresOn ? endOfDay(form.expiresOn) : null,
        },
      });
      onCreated();
      onClose();
    } catch (caught) {
      setError(problemMessage(caught));
    }
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      fullWidth
      maxWidth="sm"
      slotProps={{
        ...formDialogPaper(() => {
          if (complete) void save();
        }),
        transition: {
          onExited: () => {
            setForm(EMPTY);
            setError(null);
          },
        },
      }}
    >
      <DialogTitle>{t('permissions.dialog.newTitle')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {error && <Alert severity="error">{error}</Alert>}
          <ToggleButtonGroup
            exclusive
            size="small"
            value={form.granteeType}
            onChange={(_, value: FormState['granteeType'] | null) =>
              value && set({ granteeType: value })
            }
            aria-label={t('permissions.dialog.grantTo')}
          >
            <ToggleButton value="user">{t('permissions.dialog.aUser')}</ToggleButton>
            <ToggleButton value="group">{t('permissions.dialog.aGroup')}</ToggleButton>
          </ToggleButtonGroup>
          {form.granteeType === 'user' ? (
            <UserPicker
              label={t('permissions.dialog.user')}
              value={form.user}
              onChange={(user) => set({ user })}
            />
          ) : (
            <TextField
              select
              label={t('permissions.dialog.group')}
              value={form.groupId}
              onChange={(e) => set({ groupId: e.target.value })}
              helperText={groups.length ? ' ' : t('permissions.dialog.noGroups')}
            >
              {groups.map((group) => (
                <MenuItem key={group.id} value={group.id}>
                  {group.name}
                </MenuItem>
              ))}
            </TextField>
          )}
          <TextField
            select
            label={t('permissions.dialog.connection')}
            value={form.connectionId}
            onChange={(e) => {
              const next = connections.find((c) => c.id === e.target.value);
              set({ connectionId: e.target.value, bucket: next?.buckets[0] ?? '' });
            }}
          >
            {connections.map((c) => (
              <MenuItem key={c.id} value={c.id}>
                {c.name}
              </MenuItem>
            ))}
          </TextField>
          <Autocomplete
            freeSolo
            options={connection?.buckets ?? []}
            inputValue={form.bucket}
            onInputChange={(_, bucket) => set({ bucket })}
            renderInput={(params) => (
              <TextField
                {...params}
                label={t('permissions.dialog.bucket')}
                helperText={t('permissions.dialog.bucketHelp')}
              />
            )}
          />
          <PrefixPicker
            where={
              form.connectionId && form.bucket
                ? { connectionId: form.connectionId, bucket: form.bucket }
                : null
            }
            value={form.prefix}
            onChange={(prefix) => set({ prefix })}
          />
          <FormControl component="fieldset">
            <FormLabel component="legend">{t('permissions.dialog.actions')}</FormLabel>
            <FormGroup row>
              {(Object.keys(ACTION_LABELS) as GrantAction[]).map((action) => (
                <FormControlLabel
                  key={action}
                  label={t(ACTION_LABELS[action])}
                  control={
                    <Checkbox
                      checked={form.actions.includes(action)}
                      onChange={(e) => toggleAction(action, e.target.checked)}
                    />
                  }
                />
              ))}
            </FormGroup>
          </FormControl>
          <TextField
            type="date"
            label={t('permissions.dialog.expires')}
            value={form.expiresOn}
            onChange={(e) => set({ expiresOn: e.target.value })}
            slotProps={{ inputLabel: { shrink: true } }}
            helperText={t('permissions.dialog.expiresHelp')}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="submit" variant="contained" disabled={!complete}>
          {t('permissions.dialog.create')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

// Create or edit an S3 connection. The secret is write-only: left empty on edit, it is kept.
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  MenuItem,
  Stack,
  Switch,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import type { ConnectionView } from '@s3am/contracts';
import { api } from '../../api/api-client';
import { formDialogPaper } from '../common/form-dialog-paper';
import { useFormProblem } from '../common/use-form-problem';
import { useTranslation } from 'react-i18next';

interface FormState {
  name: string;
  endpoint: string;
  publicEndpoint: string;
  region: string;
  forcePathStyle: boolean;
  authMode: ConnectionView['authMode'];
  accessKeyId: string;
  secretAccessKey: string;
  roleArn: string;
  externalId: string;
  buckets: string;
  sseMode: ConnectionView['sseMode'];
  sseKmsKeyId: string;
}

function initial(connection: ConnectionView | null): FormState {
  return {
    name: connection?.name ?? '',
    endpoint: connection?.endpoint ?? '',
    publicEndpoint: connection?.publicEndpoint ?? '',
    region: connection?.region ?? 'us-east-1',
    forcePathStyle: connection?.forcePathStyle ?? false,
    authMode: connection?.authMode ?? 'static_keys',
    accessKeyId: '',
    secretAccessKey: '',
    roleArn: connection?.roleArn ?? '',
    externalId: '',
    buckets: connection?.buckets.join(', ') ?? '',
    sseMode: connection?.sseMode ?? 'none',
    sseKmsKeyId: connection?.sseKmsKeyId ?? '',
  };
}

/** The fields the dialog shows, for placing the API's field errors. */
const FIELDS = Object.keys(initial(null));

export function ConnectionDialog({
  open,
  connection,
  onClose,
  onSaved,
}: {
  open: boolean;
  connection: ConnectionView | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form, setForm] = useState<FormState>(() => initial(connection));
  const { t } = useTranslation();
  const problem = useFormProblem();
  const [lastId, setLastId] = useState<string | null | undefined>(undefined);
  if (open && lastId !== (connection?.id ?? null)) {
    setLastId(connection?.id ?? null);
    setForm(initial(connection));
    problem.setMessage(null);
  }
  const set =
    <K extends keyof FormState>(key: K) =>
    (value: FormState[K]) =>
      setForm({ ...form, [key]: value });
  const text = (key: keyof FormState) => (event: { target: { value: string } }) =>
    set(key)(event.target.value);

  const save = async () => {
    problem.setMessage(null);
    const body = {
      name: form.name,
      endpoint: form.endpoint || null,
      publicEndpoint: form.publicEndpoint || null,
      region: form.region,
      forcePathStyle: form.forcePathStyle,
      authMode: form.authMode,
      // Empty on edit keeps the stored key id (responses only show its last 4 characters).
      accessKeyId: form.accessKeyId || null,
      ...(form.secretAccessKey ? { secretAccessKey: form.secretAccessKey } : {}),
      roleArn: form.roleArn || null,
      externalId: form.externalId || null,
      buckets: form.buckets.split(/[\s,]+/).filter(Boolean),
      sseMode: form.sseMode,
      sseKmsKeyId: form.sseKmsKeyId || null,
    };
    try {
      if (connection) await api.updateConnection({ params: { id: connection.id }, body });
      else await api.createConnection({ body });
      onSaved();
      onClose();
    } catch (caught) {
      problem.show(caught, FIELDS);
    }
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      fullWidth
      maxWidth="sm"
      slotProps={formDialogPaper(() => {
        if (form.name) void save();
      })}
    >
      <DialogTitle>
        {connection
          ? t('connections.dialog.editTitle', { name: connection.name })
          : t('connections.dialog.newTitle')}
      </DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {problem.message && <Alert severity="error">{problem.message}</Alert>}
          <TextField
            label={t('connections.dialog.name')}
            value={form.name}
            onChange={text('name')}
            autoFocus
            {...problem.fieldProps('name')}
          />
          <TextField
            label={t('connections.dialog.endpoint')}
            value={form.endpoint}
            onChange={text('endpoint')}
            placeholder={t('connections.dialog.endpointPlaceholder')}
            {...problem.fieldProps('endpoint')}
          />
          <TextField
            label={t('connections.dialog.publicEndpoint')}
            value={form.publicEndpoint}
            onChange={text('publicEndpoint')}
            helperText={t('connections.dialog.publicEndpointHelp')}
            {...problem.fieldProps('publicEndpoint')}
          />
          <Stack direction="row" spacing={2}>
            <TextField
              label={t('connections.dialog.region')}
              value={form.region}
              onChange={text('region')}
              sx={{ flex: 1 }}
              {...problem.fieldProps('region')}
            />
            <FormControlLabel
              control={
                <Switch
                  checked={form.forcePathStyle}
                  onChange={(e) => set('forcePathStyle')(e.target.checked)}
                />
              }
              label={t('connections.dialog.pathStyle')}
            />
          </Stack>
          <TextField
            select
            label={t('connections.dialog.authentication')}
            value={form.authMode}
            onChange={text('authMode')}
            {...problem.fieldProps('authMode')}
          >
            <MenuItem value="static_keys">{t('connections.dialog.staticKeys')}</MenuItem>
            <MenuItem value="assume_role">{t('connections.dialog.assumeRole')}</MenuItem>
            <MenuItem value="default_chain">{t('connections.dialog.defaultChain')}</MenuItem>
          </TextField>
          {form.authMode !== 'default_chain' && (
            <>
              <TextField
                label={
                  form.authMode === 'assume_role'
                    ? t('connections.dialog.sourceKeyId')
                    : t('connections.dialog.keyId')
                }
                value={form.accessKeyId}
                onChange={text('accessKeyId')}
                placeholder={connection?.accessKeyIdHint ?? ''}
                helperText={connection ? t('connections.dialog.keyIdAgain') : ' '}
                {...problem.fieldProps('accessKeyId')}
              />
              <TextField
                label={t('connections.dialog.secret')}
                type="password"
                value={form.secretAccessKey}
                onChange={text('secretAccessKey')}
                helperText={connection?.hasSecret ? t('connections.dialog.secretKept') : ' '}
                {...problem.fieldProps('secretAccessKey')}
              />
            </>
          )}
          {form.authMode === 'assume_role' && (
            <>
              <TextField
                label={t('connections.dialog.roleArn')}
                value={form.roleArn}
                onChange={text('roleArn')}
                placeholder="arn:aws:iam::123456789012:role/s3-access"
                {...problem.fieldProps('roleArn')}
              />
              <TextField
                label={t('connections.dialog.externalId')}
                value={form.externalId}
                onChange={text('externalId')}
                {...problem.fieldProps('externalId')}
              />
            </>
          )}
          <TextField
            label={t('connections.dialog.buckets')}
            value={form.buckets}
            onChange={text('buckets')}
            helperText={t('connections.dialog.bucketsHelp')}
            {...problem.fieldProps('buckets')}
          />
          <TextField
            select
            label={t('connections.dialog.encryption')}
            value={form.sseMode}
            onChange={text('sseMode')}
            {...problem.fieldProps('sseMode')}
          >
            <MenuItem value="none">{t('connections.dialog.bucketDefault')}</MenuItem>
            <MenuItem value="AES256">SSE-S3 (AES256)</MenuItem>
            <MenuItem value="aws:kms">SSE-KMS</MenuItem>
          </TextField>
          {form.sseMode === 'aws:kms' && (
            <TextField
              label={t('connections.dialog.kmsKeyId')}
              value={form.sseKmsKeyId}
              onChange={text('sseKmsKeyId')}
              {...problem.fieldProps('sseKmsKeyId')}
            />
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="submit" variant="contained" disabled={!form.name}>
          {t('connections.dialog.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

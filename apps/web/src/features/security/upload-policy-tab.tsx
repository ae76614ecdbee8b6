// Upload policy set at run time (over the environment defaults): largest file, allowed extensions
// and content types, and whether admins or everyone must use 2FA. Empty lists mean "any"; the
// "server default" switch leaves a setting to the environment.
import {
  Alert,
  Checkbox,
  FormControlLabel,
  Stack,
  Switch,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import type { UploadPolicyView } from '@s3am/contracts';
import { api } from '../../api/api-client';
import { AsyncButton } from '../common/async-button';
import { formatBytes } from '../common/format-bytes';
import { useApiQuery } from '../common/use-api-query';
import { useFormProblem } from '../common/use-form-problem';
import { useTranslation } from 'react-i18next';

const MiB = 1024 * 1024;
const FIELDS = ['maxFileSizeBytes', 'allowedExtensions', 'allowedContentTypes'] as const;

interface Draft {
  maxMiB: string | null;
  extensions: string | null;
  contentTypes: string | null;
  requireTotpForAdmins: boolean;
  requireTotpForEveryone: boolean;
}

function draftOf(view: UploadPolicyView): Draft {
  return {
    maxMiB: view.maxFileSizeBytes === null ? null : String(view.maxFileSizeBytes / MiB),
    extensions: view.allowedExtensions?.join(', ') ?? null,
    contentTypes: view.allowedContentTypes?.join(', ') ?? null,
    requireTotpForAdmins: view.requireTotpForAdmins,
    requireTotpForEveryone: view.requireTotpForEveryone,
  };
}

const list = (text: string | null) =>
  text === null
    ? null
    : text
        .split(/[\s,]+/)
        .map((item) => item.trim())
        .filter(Boolean);

function Overridable(props: {
  label: string;
  value: string | null;
  fallback: string;
  helper: string;
  error?: string;
  onChange: (value: string | null) => void;
}) {
  const { label, value, fallback, helper, error, onChange } = props;
  const { t } = useTranslation();
  return (
    <Stack spacing={0.5}>
      <FormControlLabel
        control={
          <Checkbox
            checked={value === null}
            onChange={(event) => onChange(event.target.checked ? null : fallback)}
          />
        }
        label={t('security.policy.useDefault', { label })}
      />
      <TextField
        size="small"
        label={label}
        value={value ?? fallback}
        disabled={value === null}
        onChange={(event) => onChange(event.target.value)}
        error={Boolean(error)}
        helperText={error ?? helper}
      />
    </Stack>
  );
}

export function UploadPolicyTab() {
  const { t } = useTranslation();
  const { data, error, reload } = useApiQuery(() => api.getUploadPolicy(), []);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saved, setSaved] = useState(false);
  const problem = useFormProblem();
  useEffect(() => {
    if (data) setDraft(draftOf(data));
  }, [data]);
  if (error) return <Alert severity="error">{error}</Alert>;
  if (!data || !draft) return null;
  const change = (patch: Partial<Draft>) => {
    setSaved(false);
    setDraft({ ...draft, ...patch });
  };
  const defaults = data.serverDefaults;

  const save = async () => {
    problem.setMessage(null);
    try {
      const maxFileSizeBytes =
        draft.maxMiB === null ? null : Math.round(Number(draft.maxMiB) * MiB);
      await api.updateUploadPolicy({
        body: {
          maxFileSizeBytes,
          allowedExtensions: list(draft.extensions),
          allowedContentTypes: list(draft.contentTypes),
          requireTotpForAdmins: draft.requireTotpForAdmins,
          requireTotpForEveryone: draft.requireTotpForEveryone,
        },
      });
      await reload();
      setSaved(true);
    } catch (caught) {
      problem.show(caught, FIELDS);
    }
  };

  return (
    <Stack spacing={2} sx={{ maxWidth: 640 }}>
      {problem.message && <Alert severity="error">{problem.message}</Alert>}
      {saved && <Alert severity="success">{t('security.rules.saved')}</Alert>}
      <Overridable
        label={t('security.policy.largest')}
        value={draft.maxMiB}
        fallback={String(defaults.maxFileSizeBytes / MiB)}
        helper={t('security.policy.largestHelp', { size: formatBytes(defaults.maxFileSizeBytes) })}
        error={problem.fieldError('maxFileSizeBytes')}
        onChange={(maxMiB) => change({ maxMiB })}
      />
      <Overridable
        label={t('security.policy.extensions')}
        value={draft.extensions}
        fallback={defaults.allowedExtensions.join(', ')}
        helper={t('security.policy.extensionsHelp')}
        error={problem.fieldError('allowedExtensions')}
        onChange={(extensions) => change({ extensions })}
      />
      <Overridable
        label={t('security.policy.contentTypes')}
        value={draft.contentTypes}
        fallback={defaults.allowedContentTypes.join(', ')}
        helper={t('security.policy.contentTypesHelp')}
        error={problem.fieldError('allowedContentTypes')}
        onChange={(contentTypes) => change({ contentTypes })}
      />
      <Typography variant="body2" color="text.secondary">
        {t('security.policy.inForce', {
          size: formatBytes(data.effective.maxFileSizeBytes),
          extensions: data.effective.allowedExtensions.join(', ') || t('security.policy.any'),
          contentTypes: data.effective.allowedContentTypes.join(', ') || t('security.policy.any'),
        })}
      </Typography>
      <FormControlLabel
        control={
          <Switch
            checked={draft.requireTotpForAdmins}
            onChange={(event) => change({ requireTotpForAdmins: event.target.checked })}
          />
        }
        label={t('security.policy.totpAdmins')}
      />
      <FormControlLabel
        control={
          <Switch
            checked={draft.requireTotpForEveryone}
            onChange={(event) => change({ requireTotpForEveryone: event.target.checked })}
          />
        }
        label={t('security.policy.totpEveryone')}
      />
      <div>
        <AsyncButton variant="contained" onClick={save}>
          {t('security.policy.save')}
        </AsyncButton>
      </div>
    </Stack>
  );
}

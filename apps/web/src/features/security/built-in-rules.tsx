// The built-in detectors: on/off and thresholds for each, edited in place. The numbers go to the
// API as typed; its field errors (e.g. "builtIn.failedRequests.threshold") show under the fields.
import { FormControlLabel, Paper, Stack, Switch, TextField, Typography } from '@mui/material';
import type { BuiltInRuleSettings } from '@s3am/contracts';
import type { securitySettingsEn } from '../i18n/locales/en-security-settings';
import { formatBytes } from '../common/format-bytes';
import type { FormProblem } from '../common/use-form-problem';
import { useTranslation } from 'react-i18next';

type RuleKey = Exclude<keyof BuiltInRuleSettings, 'dedupMinutes'>;

type FieldLabel = keyof typeof securitySettingsEn.builtIn.fields;

interface NumberField {
  name: string;
  label: FieldLabel;
  bytes?: boolean;
}

// Each rule's title and description are security.builtIn.<key>.title / .what.
const RULES: { key: RuleKey; fields: NumberField[] }[] = [
  {
    key: 'failedRequests',
    fields: [
      { name: 'threshold', label: 'moreThanRequests' },
      { name: 'windowSeconds', label: 'withinSeconds' },
      { name: 'blockMinutes', label: 'blockMinutes' },
    ],
  },
  {
    key: 'scannerAgents',
    fields: [],
  },
  {
    key: 'adminDenied',
    fields: [],
  },
  {
    key: 'largeUpload',
    fields: [{ name: 'thresholdBytes', label: 'aboveBytes', bytes: true }],
  },
  {
    key: 'largeDownload',
    fields: [{ name: 'thresholdBytes', label: 'aboveBytes', bytes: true }],
  },
  {
    key: 'unknownPrincipal',
    fields: [],
  },
  {
    key: 'geoAnomaly',
    fields: [],
  },
  {
    key: 'distinctIps',
    fields: [
      { name: 'threshold', label: 'moreThanAddresses' },
      { name: 'windowMinutes', label: 'withinMinutes' },
    ],
  },
  {
    key: 'massDownload',
    fields: [
      { name: 'objects', label: 'objects' },
      { name: 'bytes', label: 'bytes', bytes: true },
      { name: 'windowMinutes', label: 'withinMinutes' },
    ],
  },
  {
    key: 'massDelete',
    fields: [
      { name: 'objects', label: 'objects' },
      { name: 'bytes', label: 'bytes', bytes: true },
      { name: 'windowMinutes', label: 'withinMinutes' },
    ],
  },
];

const numberOrNaN = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

export function BuiltInRules({
  value,
  onChange,
  problem,
}: {
  value: BuiltInRuleSettings;
  onChange: (value: BuiltInRuleSettings) => void;
  problem: FormProblem;
}) {
  const patch = (key: RuleKey, change: Record<string, unknown>) =>
    onChange({ ...value, [key]: { ...value[key], ...change } });
  const scanner = value.scannerAgents;
  const { t } = useTranslation();
  return (
    <Stack spacing={1.5}>
      {RULES.map((rule) => {
        const settings = value[rule.key] as { enabled: boolean } & Record<string, unknown>;
        return (
          <Paper key={rule.key} variant="outlined" sx={{ p: 2 }}>
            <FormControlLabel
              control={
                <Switch
                  checked={settings.enabled}
                  onChange={(event) => patch(rule.key, { enabled: event.target.checked })}
                />
              }
              label={
                <Typography variant="subtitle1">
                  {t(`security.builtIn.${rule.key}.title`)}
                </Typography>
              }
            />
            <Typography variant="body2" color="text.secondary">
              {t(`security.builtIn.${rule.key}.what`)}
            </Typography>
            {settings.enabled && rule.fields.length > 0 && (
              <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mt: 1.5 }}>
                {rule.fields.map((field) => {
                  const path = `builtIn.${rule.key}.${field.name}`;
                  const current = settings[field.name] as number;
                  const error = problem.fieldError(path);
                  return (
                    <TextField
                      key={field.name}
                      size="small"
                      type="number"
                      label={t(`security.builtIn.fields.${field.label}`)}
                      value={Number.isNaN(current) ? '' : current}
                      onChange={(event) =>
                        patch(rule.key, { [field.name]: numberOrNaN(event.target.value) })
                      }
                      error={Boolean(error)}
                      helperText={
                        error ??
                        (field.bytes && !Number.isNaN(current) ? formatBytes(current) : ' ')
                      }
                    />
                  );
                })}
              </Stack>
            )}
            {settings.enabled && rule.key === 'scannerAgents' && (
              <Stack spacing={1} sx={{ mt: 1.5 }}>
                <TextField
                  size="small"
                  label={t('security.builtIn.scannerNames')}
                  value={scanner.agents.join(', ')}
                  onChange={(event) =>
                    patch('scannerAgents', {
                      agents: event.target.value.split(',').map((agent) => agent.trimStart()),
                    })
                  }
                  {...problem.fieldProps('builtIn.scannerAgents.agents')}
                />
                <FormControlLabel
                  control={
                    <Switch
                      checked={scanner.flagEmptyAgent}
                      onChange={(event) =>
                        patch('scannerAgents', { flagEmptyAgent: event.target.checked })
                      }
                    />
                  }
                  label={t('security.builtIn.flagEmptyAgent')}
                />
              </Stack>
            )}
          </Paper>
        );
      })}
      <TextField
        size="small"
        type="number"
        label={t('security.builtIn.dedup')}
        value={Number.isNaN(value.dedupMinutes) ? '' : value.dedupMinutes}
        onChange={(event) => onChange({ ...value, dedupMinutes: numberOrNaN(event.target.value) })}
        sx={{ maxWidth: 260 }}
        {...problem.fieldProps('builtIn.dedupMinutes')}
        helperText={problem.fieldError('builtIn.dedupMinutes') ?? t('security.builtIn.dedupHelp')}
      />
    </Stack>
  );
}

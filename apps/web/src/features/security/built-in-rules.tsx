// The built-in detectors: on/off and thresholds for each, edited in place. The numbers go to the
// API as typed; its field errors (e.g. "builtIn.failedRequests.threshold") show under the fields.
import { FormControlLabel, Paper, Stack, Switch, TextField, Typography } from '@mui/material';
import type { BuiltInRuleSettings } from '@s3am/contracts';
import { formatBytes } from '../common/format-bytes';
import type { FormProblem } from '../common/use-form-problem';

type RuleKey = Exclude<keyof BuiltInRuleSettings, 'dedupMinutes'>;

interface NumberField {
  name: string;
  label: string;
  bytes?: boolean;
}

const RULES: { key: RuleKey; title: string; what: string; fields: NumberField[] }[] = [
  {
    key: 'failedRequests',
    title: 'Failed requests (HIGH, blocks the address)',
    what: 'Failed sign-ins and 401/403 answers from one address.',
    fields: [
      { name: 'threshold', label: 'More than (requests)' },
      { name: 'windowSeconds', label: 'Within (seconds)' },
      { name: 'blockMinutes', label: 'Block for (minutes)' },
    ],
  },
  {
    key: 'scannerAgents',
    title: 'Scanner user agents (MEDIUM)',
    what: 'API calls from known scanners, or without a user agent.',
    fields: [],
  },
  {
    key: 'adminDenied',
    title: 'Unauthorized admin operations (HIGH)',
    what: 'Someone without the admin role calling admin routes.',
    fields: [],
  },
  {
    key: 'largeUpload',
    title: 'Large uploads (LOW)',
    what: 'One upload above the threshold.',
    fields: [{ name: 'thresholdBytes', label: 'Above (bytes)', bytes: true }],
  },
  {
    key: 'largeDownload',
    title: 'Large downloads (LOW)',
    what: 'One GET above the threshold, seen in S3 access logs and CloudTrail.',
    fields: [{ name: 'thresholdBytes', label: 'Above (bytes)', bytes: true }],
  },
  {
    key: 'unknownPrincipal',
    title: 'Unknown principals',
    what: "Log records of principals missing from their log source's known list.",
    fields: [],
  },
  {
    key: 'geoAnomaly',
    title: 'Sign-in from a new country (MEDIUM)',
    what: 'A country never seen for that user.',
    fields: [],
  },
  {
    key: 'distinctIps',
    title: 'Many addresses for one user (MEDIUM)',
    what: 'Distinct addresses for one user within the window.',
    fields: [
      { name: 'threshold', label: 'More than (addresses)' },
      { name: 'windowMinutes', label: 'Within (minutes)' },
    ],
  },
  {
    key: 'massDownload',
    title: 'Mass download (MEDIUM)',
    what: 'One user reading more objects or bytes than this within the window.',
    fields: [
      { name: 'objects', label: 'Objects' },
      { name: 'bytes', label: 'Bytes', bytes: true },
      { name: 'windowMinutes', label: 'Within (minutes)' },
    ],
  },
  {
    key: 'massDelete',
    title: 'Mass delete (MEDIUM)',
    what: 'One user deleting more objects or bytes than this within the window.',
    fields: [
      { name: 'objects', label: 'Objects' },
      { name: 'bytes', label: 'Bytes', bytes: true },
      { name: 'windowMinutes', label: 'Within (minutes)' },
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
              label={<Typography variant="subtitle1">{rule.title}</Typography>}
            />
            <Typography variant="body2" color="text.secondary">
              {rule.what}
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
                      label={field.label}
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
                  label="Scanner names (comma-separated, matched in the user agent)"
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
                  label="Also flag API calls without a user agent"
                />
              </Stack>
            )}
          </Paper>
        );
      })}
      <TextField
        size="small"
        type="number"
        label="Dedup window (minutes)"
        value={Number.isNaN(value.dedupMinutes) ? '' : value.dedupMinutes}
        onChange={(event) => onChange({ ...value, dedupMinutes: numberOrNaN(event.target.value) })}
        sx={{ maxWidth: 260 }}
        {...problem.fieldProps('builtIn.dedupMinutes')}
        helperText={
          problem.fieldError('builtIn.dedupMinutes') ??
          'Detections of one rule for one subject within this time fold into one alert.'
        }
      />
    </Stack>
  );
}

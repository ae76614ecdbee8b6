// Notification channels per severity: a webhook (JSON or Slack payload, HMAC-SHA256 signed; the
// secret is write-only), email recipients, and an Amazon SNS topic published with a connection's
// credentials. A switch per channel turns it on; the API's field errors show under the fields.
import {
  Alert,
  MenuItem,
  Paper,
  Stack,
  Switch,
  FormControlLabel,
  TextField,
  Typography,
} from '@mui/material';
import { useState, type ReactNode } from 'react';
import { type NotificationChannelsView, type SecuritySeverity } from '@s3am/contracts';
import { api } from '../../api/api-client';
import { AsyncButton } from '../common/async-button';
import { useApiQuery } from '../common/use-api-query';
import { useFormProblem } from '../common/use-form-problem';
import { SeverityPicker } from './severity-picker';

const FIELDS = [
  'webhook.url',
  'webhook.secret',
  'webhook.severities',
  'email.to',
  'email.severities',
  'sns.connectionId',
  'sns.topicArn',
  'sns.severities',
] as const;

interface Draft {
  webhook: {
    on: boolean;
    url: string;
    format: 'json' | 'slack';
    secret: string;
    severities: SecuritySeverity[];
  };
  email: { on: boolean; to: string; severities: SecuritySeverity[] };
  sns: { on: boolean; connectionId: string; topicArn: string; severities: SecuritySeverity[] };
}

function draftOf(view: NotificationChannelsView): Draft {
  return {
    webhook: {
      on: view.webhook !== null,
      url: view.webhook?.url ?? '',
      format: view.webhook?.format ?? 'json',
      secret: '',
      severities: view.webhook?.severities ?? ['HIGH'],
    },
    email: {
      on: view.email !== null,
      to: view.email?.to.join(', ') ?? '',
      severities: view.email?.severities ?? ['HIGH'],
    },
    sns: {
      on: view.sns !== null,
      connectionId: view.sns?.connectionId ?? '',
      topicArn: view.sns?.topicArn ?? '',
      severities: view.sns?.severities ?? ['HIGH'],
    },
  };
}

function Channel(props: {
  title: string;
  on: boolean;
  onToggle: (on: boolean) => void;
  children: ReactNode;
}) {
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <FormControlLabel
        control={
          <Switch checked={props.on} onChange={(event) => props.onToggle(event.target.checked)} />
        }
        label={<Typography variant="subtitle1">{props.title}</Typography>}
      />
      {props.on && (
        <Stack spacing={2} sx={{ mt: 1 }}>
          {props.children}
        </Stack>
      )}
    </Paper>
  );
}

export function NotificationChannelsForm({
  initial,
  hasSecret,
}: {
  initial: NotificationChannelsView;
  hasSecret: boolean;
}) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(initial));
  const [saved, setSaved] = useState(false);
  const problem = useFormProblem();
  const connections = useApiQuery(async () => (await api.listConnections()).items, []);
  const set = <K extends keyof Draft>(channel: K, patch: Partial<Draft[K]>) => {
    setSaved(false);
    setDraft((current) => ({ ...current, [channel]: { ...current[channel], ...patch } }));
  };
  const { webhook, email, sns } = draft;

  const save = async () => {
    problem.setMessage(null);
    try {
      await api.updateNotificationChannels({
        body: {
          webhook: webhook.on
            ? {
                url: webhook.url,
                format: webhook.format,
                severities: webhook.severities,
                ...(webhook.secret ? { secret: webhook.secret } : {}),
              }
            : null,
          email: email.on
            ? { to: email.to.split(/[\s,;]+/).filter(Boolean), severities: email.severities }
            : null,
          sns: sns.on
            ? { connectionId: sns.connectionId, topicArn: sns.topicArn, severities: sns.severities }
            : null,
        },
      });
      set('webhook', { secret: '' });
      setSaved(true);
    } catch (caught) {
      problem.show(caught, FIELDS);
    }
  };

  return (
    <Stack spacing={2}>
      {problem.message && <Alert severity="error">{problem.message}</Alert>}
      {saved && <Alert severity="success">Notification channels saved.</Alert>}
      <Channel title="Webhook" on={webhook.on} onToggle={(on) => set('webhook', { on })}>
        <TextField
          label="URL"
          value={webhook.url}
          onChange={(event) => set('webhook', { url: event.target.value })}
          {...problem.fieldProps('webhook.url')}
        />
        <TextField
          select
          label="Payload"
          value={webhook.format}
          onChange={(event) => set('webhook', { format: event.target.value as 'json' | 'slack' })}
        >
          <MenuItem value="json">JSON (signed with HMAC-SHA256)</MenuItem>
          <MenuItem value="slack">Slack-compatible</MenuItem>
        </TextField>
        <TextField
          label="Signing secret"
          type="password"
          autoComplete="new-password"
          value={webhook.secret}
          onChange={(event) => set('webhook', { secret: event.target.value })}
          {...problem.fieldProps('webhook.secret')}
          helperText={
            problem.fieldError('webhook.secret') ??
            (hasSecret ? 'A secret is set; leave empty to keep it.' : 'At least 16 characters.')
          }
        />
        <SeverityPicker
          label="Webhook severities"
          value={webhook.severities}
          error={problem.fieldError('webhook.severities')}
          onChange={(severities) => set('webhook', { severities })}
        />
      </Channel>
      <Channel title="Email" on={email.on} onToggle={(on) => set('email', { on })}>
        <TextField
          label="Recipients"
          placeholder="security@example.com, oncall@example.com"
          value={email.to}
          onChange={(event) => set('email', { to: event.target.value })}
          {...problem.fieldProps('email.to')}
        />
        <SeverityPicker
          label="Email severities"
          value={email.severities}
          error={problem.fieldError('email.severities')}
          onChange={(severities) => set('email', { severities })}
        />
      </Channel>
      <Channel title="Amazon SNS" on={sns.on} onToggle={(on) => set('sns', { on })}>
        <TextField
          select
          label="Connection (its credentials publish)"
          value={sns.connectionId}
          onChange={(event) => set('sns', { connectionId: event.target.value })}
          {...problem.fieldProps('sns.connectionId')}
        >
          {(connections.data ?? []).map((connection) => (
            <MenuItem key={connection.id} value={connection.id}>
              {connection.name}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          label="Topic ARN"
          placeholder="arn:aws:sns:eu-west-1:123456789012:security"
          value={sns.topicArn}
          onChange={(event) => set('sns', { topicArn: event.target.value })}
          {...problem.fieldProps('sns.topicArn')}
        />
        <SeverityPicker
          label="SNS severities"
          value={sns.severities}
          error={problem.fieldError('sns.severities')}
          onChange={(severities) => set('sns', { severities })}
        />
      </Channel>
      <div>
        <AsyncButton variant="contained" onClick={save}>
          Save channels
        </AsyncButton>
      </div>
    </Stack>
  );
}

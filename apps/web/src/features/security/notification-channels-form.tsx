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
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation();
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
      {saved && <Alert severity="success">{t('security.channels.saved')}</Alert>}
      <Channel
        title={t('security.channels.webhook')}
        on={webhook.on}
        onToggle={(on) => set('webhook', { on })}
      >
        <TextField
          label={t('security.channels.url')}
          value={webhook.url}
          onChange={(event) => set('webhook', { url: event.target.value })}
          {...problem.fieldProps('webhook.url')}
        />
        <TextField
          select
          label={t('security.channels.payload')}
          value={webhook.format}
          onChange={(event) => set('webhook', { format: event.target.value as 'json' | 'slack' })}
        >
          <MenuItem value="json">{t('security.channels.json')}</MenuItem>
          <MenuItem value="slack">{t('security.channels.slack')}</MenuItem>
        </TextField>
        <TextField
          label={t('security.channels.secret')}
          type="password"
          autoComplete="new-password"
          value={webhook.secret}
          onChange={(event) => set('webhook', { secret: event.target.value })}
          {...problem.fieldProps('webhook.secret')}
          helperText={
            problem.fieldError('webhook.secret') ??
            (hasSecret ? t('security.channels.secretSet') : t('security.channels.secretLength'))
          }
        />
        <SeverityPicker
          label={t('security.channels.webhookSeverities')}
          value={webhook.severities}
          error={problem.fieldError('webhook.severities')}
          onChange={(severities) => set('webhook', { severities })}
        />
      </Channel>
      <Channel
        title={t('security.channels.email')}
        on={email.on}
        onToggle={(on) => set('email', { on })}
      >
        <TextField
          label={t('security.channels.recipients')}
          placeholder="security@example.com, oncall@example.com"
          value={email.to}
          onChange={(event) => set('email', { to: event.target.value })}
          {...problem.fieldProps('email.to')}
        />
        <SeverityPicker
          label={t('security.channels.emailSeverities')}
          value={email.severities}
          error={problem.fieldError('email.severities')}
          onChange={(severities) => set('email', { severities })}
        />
      </Channel>
      <Channel title={t('security.channels.sns')} on={sns.on} onToggle={(on) => set('sns', { on })}>
        <TextField
          select
          label={t('security.channels.snsConnection')}
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
          label={t('security.channels.topicArn')}
          placeholder="arn:aws:sns:eu-west-1:123456789012:security"
          value={sns.topicArn}
          onChange={(event) => set('sns', { topicArn: event.target.value })}
          {...problem.fieldProps('sns.topicArn')}
        />
        <SeverityPicker
          label={t('security.channels.snsSeverities')}
          value={sns.severities}
          error={problem.fieldError('sns.severities')}
          onChange={(severities) => set('sns', { severities })}
        />
      </Channel>
      <div>
        <AsyncButton variant="contained" onClick={save}>
          {t('security.channels.save')}
        </AsyncButton>
      </div>
    </Stack>
  );
}

// Setup help for one connection: the IAM policy to give its key, the bucket CORS rule (applied
// here when the key may), and the lifecycle rule that cleans up abandoned uploads.
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  Tab,
  Tabs,
  TextField,
  Typography,
  useMediaQuery,
  type Theme,
} from '@mui/material';
import { useState } from 'react';
import {
  type ApplyCorsResult,
  type ConnectionHelpers,
  type ConnectionView,
  type PolicyProfile,
} from '@s3am/contracts';
import { api } from '../../api/api-client';
import { problemMessage } from '../../api/problem';
import { useApiQuery } from '../common/use-api-query';
import { FailureAlert } from './failure-alert';
import { JsonBlock } from './json-block';
import { useTranslation } from 'react-i18next';

type HelpTab = 'iam' | 'cors' | 'lifecycle';

const PROFILES: PolicyProfile[] = ['all', 'uploader', 'viewer'];

function ApplyCors({ connectionId, buckets }: { connectionId: string; buckets: string[] }) {
  const [results, setResults] = useState<Record<string, ApplyCorsResult | string>>({});
  const { t } = useTranslation();
  const [busy, setBusy] = useState<string | null>(null);
  const apply = async (bucket: string) => {
    setBusy(bucket);
    try {
      const result = await api.applyConnectionCors({
        params: { id: connectionId },
        body: { bucket },
      });
      setResults((shown) => ({ ...shown, [bucket]: result }));
    } catch (caught) {
      setResults((shown) => ({ ...shown, [bucket]: problemMessage(caught) }));
    } finally {
      setBusy(null);
    }
  };
  if (buckets.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {t('connections.help.addBuckets')}
      </Typography>
    );
  }
  return (
    <Stack spacing={1}>
      {buckets.map((bucket) => {
        const result = results[bucket];
        return (
          <Box key={bucket}>
            <Button variant="outlined" disabled={busy !== null} onClick={() => void apply(bucket)}>
              {t('connections.help.applyCors', { bucket })}
            </Button>
            {typeof result === 'string' && (
              <Alert severity="error" sx={{ mt: 1 }}>
                {result}
              </Alert>
            )}
            {typeof result === 'object' &&
              (result.applied ? (
                <Alert severity="success" sx={{ mt: 1 }}>
                  {t('connections.help.corsApplied', { bucket })}
                </Alert>
              ) : (
                <Box sx={{ mt: 1 }}>
                  <FailureAlert
                    failure={result.failure}
                    fallback={t('connections.help.notApplied')}
                  />
                </Box>
              ))}
          </Box>
        );
      })}
    </Stack>
  );
}

function HelpBody({
  helpers,
  tab,
  connectionId,
}: {
  helpers: ConnectionHelpers;
  tab: HelpTab;
  connectionId: string;
}) {
  const { t } = useTranslation();
  if (tab === 'iam') {
    return <JsonBlock label={t('connections.help.iamPolicy')} value={helpers.iamPolicy} />;
  }
  if (tab === 'cors') {
    return (
      <Stack spacing={2}>
        <Typography variant="body2" color="text.secondary">
          {t('connections.help.corsBody')}
        </Typography>
        <JsonBlock label={t('connections.help.corsConfiguration')} value={helpers.cors} />
        <ApplyCors connectionId={connectionId} buckets={helpers.buckets} />
      </Stack>
    );
  }
  return (
    <Stack spacing={2}>
      <Typography variant="body2" color="text.secondary">
        {t('connections.help.lifecycleBody')}
      </Typography>
      <JsonBlock label={t('connections.help.lifecycleConfiguration')} value={helpers.lifecycle} />
    </Stack>
  );
}

export function SetupHelpDialog({
  connection,
  onClose,
}: {
  connection: ConnectionView | null;
  onClose: () => void;
}) {
  const [tab, setTab] = useState<HelpTab>('iam');
  const { t } = useTranslation();
  // The name stays in the title while the dialog fades out after `connection` went null.
  const [name, setName] = useState('');
  if (connection && connection.name !== name) setName(connection.name);
  const [profile, setProfile] = useState<PolicyProfile>('all');
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const id = connection?.id;
  const { data, error } = useApiQuery(async () => {
    if (!id) return null;
    const helpers = await api.connectionHelpers({ params: { id }, query: { profile } });
    return { id, profile, helpers };
  }, [id, profile]);
  const current = data && data.id === id ? data : null;

  return (
    <Dialog
      open={connection !== null}
      onClose={onClose}
      fullWidth
      fullScreen={phone}
      maxWidth="md"
      slotProps={{ transition: { onExited: () => setTab('iam') } }}
    >
      <DialogTitle>{t('connections.help.title', { name })}</DialogTitle>
      <DialogContent>
        <Tabs
          value={tab}
          onChange={(_, value: HelpTab) => setTab(value)}
          variant="scrollable"
          allowScrollButtonsMobile
          sx={{ mb: 2, borderBottom: 1, borderColor: 'divider' }}
        >
          <Tab value="iam" label={t('connections.help.iamPolicy')} />
          <Tab value="cors" label={t('connections.help.bucketCors')} />
          <Tab value="lifecycle" label={t('connections.help.lifecycleRule')} />
        </Tabs>
        {tab === 'iam' && (
          <Stack spacing={1} sx={{ mb: 2 }}>
            <Typography variant="body2" color="text.secondary">
              {t('connections.help.leastPrivilege')}
            </Typography>
            <TextField
              select
              size="small"
              label={t('connections.help.profile')}
              value={profile}
              onChange={(e) => setProfile(e.target.value as PolicyProfile)}
              sx={{ maxWidth: 360 }}
            >
              {PROFILES.map((value) => (
                <MenuItem key={value} value={value}>
                  {t(`connections.help.profiles.${value}`)}
                </MenuItem>
              ))}
            </TextField>
          </Stack>
        )}
        {error && <Alert severity="error">{error}</Alert>}
        {current && id && <HelpBody helpers={current.helpers} tab={tab} connectionId={id} />}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}

// S3 connections (admins): list, create/edit, remove, and test with a clear explanation.
import AddOutlined from '@mui/icons-material/AddOutlined';
import {
  Alert,
  Box,
  Button,
  Card,
  CardActions,
  CardContent,
  Chip,
  Stack,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { type ConnectionTestResult, type ConnectionView } from '@s3am/contracts';
import { api } from '../api/api-client';
import { problemMessage } from '../api/problem';
import { AsyncButton } from '../features/common/async-button';
import { useApiQuery } from '../features/common/use-api-query';
import { ConnectionDialog } from '../features/connections/connection-dialog';
import { FailureAlert } from '../features/connections/failure-alert';
import { SetupHelpDialog } from '../features/connections/setup-help-dialog';
import { useTranslation } from 'react-i18next';

function TestResult({ result }: { result: ConnectionTestResult }) {
  const { t } = useTranslation();
  if (result.ok) {
    return (
      <Alert severity="success">
        {t('connections.connected')}{' '}
        {result.buckets.length
          ? t('connections.buckets', { list: result.buckets.map((b) => b.name).join(', ') })
          : t('connections.noBucketsVisible')}
      </Alert>
    );
  }
  return <FailureAlert failure={result.failure} fallback={t('connections.testFailed')} />;
}

export function ConnectionsPage() {
  const { t } = useTranslation();
  const { data, error, reload } = useApiQuery(async () => (await api.listConnections()).items, []);
  const [editing, setEditing] = useState<ConnectionView | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [helping, setHelping] = useState<ConnectionView | null>(null);
  const [results, setResults] = useState<Record<string, ConnectionTestResult | string>>({});

  const test = async (id: string) => {
    try {
      const result = await api.testConnection({ params: { id } });
      // Functional updates: tests of several connections may finish in any order.
      setResults((shown) => ({ ...shown, [id]: result }));
    } catch (caught) {
      setResults((shown) => ({ ...shown, [id]: problemMessage(caught) }));
    }
  };
  const remove = async (connection: ConnectionView) => {
    if (!window.confirm(t('connections.confirmRemove', { name: connection.name }))) return;
    await api.deleteConnection({ params: { id: connection.id } });
    await reload();
  };

  return (
    <Box>
      <Stack direction="row" sx={{ alignItems: 'center', mb: 3 }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          {t('connections.title')}
        </Typography>
        <Button
          variant="contained"
          startIcon={<AddOutlined />}
          onClick={() => {
            setEditing(null);
            setDialogOpen(true);
          }}
        >
          {t('connections.newConnection')}
        </Button>
      </Stack>
      {error && <Alert severity="error">{error}</Alert>}
      <Stack spacing={2}>
        {(data ?? []).map((connection) => {
          const result = results[connection.id];
          return (
            <Card key={connection.id}>
              <CardContent>
                <Stack
                  direction="row"
                  spacing={1}
                  sx={{ alignItems: 'center', mb: 1, flexWrap: 'wrap' }}
                >
                  <Typography variant="h6" component="h2">
                    {connection.name}
                  </Typography>
                  <Chip size="small" label={t(`connections.auth.${connection.authMode}`)} />
                  {connection.managedLocal && (
                    <Chip size="small" color="secondary" label={t('connections.builtInLocal')} />
                  )}
                  {connection.sseMode !== 'none' && (
                    <Chip
                      size="small"
                      variant="outlined"
                      label={connection.sseMode === 'aws:kms' ? 'SSE-KMS' : 'SSE-S3'}
                    />
                  )}
                </Stack>
                <Typography variant="body2" color="text.secondary">
                  {connection.endpoint ?? 'AWS S3'} · {connection.region}
                  {connection.accessKeyIdHint
                    ? t('connections.key', { hint: connection.accessKeyIdHint })
                    : ''}
                  {connection.buckets.length
                    ? t('connections.bucketsList', { list: connection.buckets.join(', ') })
                    : ''}
                </Typography>
                {result && (
                  <Box sx={{ mt: 2 }}>
                    {typeof result === 'string' ? (
                      <Alert severity="error">{result}</Alert>
                    ) : (
                      <TestResult result={result} />
                    )}
                  </Box>
                )}
              </CardContent>
              <CardActions>
                <AsyncButton onClick={() => test(connection.id)}>
                  {t('connections.test')}
                </AsyncButton>
                <Button onClick={() => setHelping(connection)}>{t('connections.setupHelp')}</Button>
                <Button
                  onClick={() => {
                    setEditing(connection);
                    setDialogOpen(true);
                  }}
                >
                  {t('connections.edit')}
                </Button>
                <Button color="error" onClick={() => void remove(connection)}>
                  {t('connections.remove')}
                </Button>
              </CardActions>
            </Card>
          );
        })}
        {data?.length === 0 && (
          <Typography color="text.secondary">{t('connections.none')}</Typography>
        )}
      </Stack>
      <ConnectionDialog
        open={dialogOpen}
        connection={editing}
        onClose={() => setDialogOpen(false)}
        onSaved={() => void reload()}
      />
      <SetupHelpDialog connection={helping} onClose={() => setHelping(null)} />
    </Box>
  );
}

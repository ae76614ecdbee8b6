// Objects that failed, with the reason and what to check (AccessDenied, wrong region, missing
// bucket, throttling ... as the API explains them), in pages; Retry queues them again.
import { Alert, AlertTitle, Box, Button, List, ListItem, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type MigrationItemView } from '@s3am/contracts';
import { api } from '../../api/api-client';
import { problemMessage } from '../../api/problem';
import { formatBytes } from '../common/format-bytes';
import { AsyncButton } from '../common/async-button';

const PAGE = 50;

export function MigrationFailures({
  jobId,
  failedCount,
  canRetry,
}: {
  jobId: string;
  failedCount: number;
  canRetry: boolean;
}) {
  const { t } = useTranslation();
  const [items, setItems] = useState<MigrationItemView[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [retried, setRetried] = useState<string | null>(null);

  // The first page again whenever the number of failures changes (live).
  useEffect(() => {
    if (failedCount === 0) {
      setItems([]);
      setCursor(null);
      return;
    }
    let current = true;
    api
      .migrationItems({ params: { id: jobId }, query: { state: 'failed', limit: PAGE } })
      .then((page) => {
        if (!current) return;
        setItems(page.items);
        setCursor(page.nextCursor);
        setError(null);
      })
      .catch((caught: unknown) => current && setError(problemMessage(caught)));
    return () => {
      current = false;
    };
  }, [jobId, failedCount]);

  const more = async () => {
    const page = await api.migrationItems({
      params: { id: jobId },
      query: { state: 'failed', limit: PAGE, cursor: cursor ?? undefined },
    });
    setItems((shown) => [...shown, ...page.items]);
    setCursor(page.nextCursor);
  };
  const retry = async () => {
    try {
      await api.retryMigration({ params: { id: jobId } });
      setRetried(t('migrations.failures.queued', { count: failedCount }));
    } catch (caught) {
      setError(problemMessage(caught));
    }
  };

  if (failedCount === 0) return null;
  return (
    <Stack spacing={1} component="section" aria-labelledby="failed-items">
      <Stack direction="row" sx={{ alignItems: 'center' }}>
        <Typography variant="h6" component="h2" id="failed-items" sx={{ flexGrow: 1 }}>
          {t('migrations.failures.title', { count: failedCount })}
        </Typography>
        {canRetry && (
          <AsyncButton variant="outlined" onClick={retry}>
            {t('migrations.failures.retry')}
          </AsyncButton>
        )}
      </Stack>
      {retried && <Alert severity="info">{retried}</Alert>}
      {error && <Alert severity="error">{error}</Alert>}
      <List dense disablePadding>
        {items.map((item) => (
          <ListItem key={item.key} disableGutters>
            <Alert severity="error" sx={{ width: '100%' }}>
              <AlertTitle sx={{ wordBreak: 'break-all' }}>
                {t('migrations.failures.item', {
                  key: item.key,
                  size: formatBytes(item.size),
                  attempts: item.attempts,
                })}
              </AlertTitle>
              {item.reason}
              {item.hints.length > 0 && (
                <Box component="ul" sx={{ m: 0, mt: 0.5, pl: 2 }}>
                  {item.hints.map((hint) => (
                    <li key={hint}>{hint}</li>
                  ))}
                </Box>
              )}
            </Alert>
          </ListItem>
        ))}
      </List>
      {cursor && (
        <Button
          onClick={() => void more().catch((caught: unknown) => setError(problemMessage(caught)))}
        >
          {t('migrations.failures.more')}
        </Button>
      )}
    </Stack>
  );
}

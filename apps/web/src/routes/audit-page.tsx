// Audit log (admins): filters, newest first with "load more", live tail, export, chain check.
import DownloadOutlined from '@mui/icons-material/DownloadOutlined';
import VerifiedOutlined from '@mui/icons-material/VerifiedOutlined';
import { Alert, Box, Button, FormControlLabel, Stack, Switch, Typography } from '@mui/material';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type AuditEventView, type AuditVerifyResult } from '@s3am/contracts';
import { api } from '../api/api-client';
import { problemMessage } from '../api/problem';
import {
  AuditFilters,
  EMPTY_AUDIT_FILTERS,
  auditParams,
  type AuditFilterValues,
} from '../features/audit/audit-filters';
import { AuditTable } from '../features/audit/audit-table';
import { AsyncButton } from '../features/common/async-button';
import { useTranslation } from 'react-i18next';

const LIVE_TAIL_MS = 5000;

export function AuditPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<AuditFilterValues>(EMPTY_AUDIT_FILTERS);
  const [events, setEvents] = useState<AuditEventView[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [live, setLive] = useState(false);
  const [verify, setVerify] = useState<AuditVerifyResult | null>(null);

  // Only the newest request may fill the table: answers for older filters can arrive late.
  const latest = useRef(0);
  const loadFirst = useCallback(async () => {
    const request = ++latest.current;
    try {
      const page = await api.listAudit({ query: { ...auditParams(filters), limit: 50 } });
      if (request !== latest.current) return;
      setEvents(page.items);
      setCursor(page.nextCursor);
      setError(null);
    } catch (caught) {
      if (request === latest.current) setError(problemMessage(caught));
    }
  }, [filters]);

  useEffect(() => {
    void loadFirst();
  }, [loadFirst]);

  useEffect(() => {
    if (!live) return undefined;
    const timer = setInterval(() => void loadFirst(), LIVE_TAIL_MS);
    return () => clearInterval(timer);
  }, [live, loadFirst]);

  const loadMore = async () => {
    if (!cursor) return;
    const page = await api.listAudit({
      query: { ...auditParams(filters), limit: 50, before: cursor },
    });
    setEvents([...events, ...page.items]);
    setCursor(page.nextCursor);
  };

  const exportAs = async (format: 'csv' | 'ndjson') => {
    const response = await api.exportAudit({ query: { ...auditParams(filters), format } });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(await response.blob());
    link.download = `audit.${format}`;
    link.click();
    URL.revokeObjectURL(link.href);
  };

  const verifyChain = async () => {
    try {
      setVerify(await api.verifyAudit());
    } catch (caught) {
      setError(problemMessage(caught));
    }
  };

  return (
    <Box>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', mb: 2, flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          {t('audit.title')}
        </Typography>
        <FormControlLabel
          control={<Switch checked={live} onChange={(e) => setLive(e.target.checked)} />}
          label={t('audit.liveTail')}
        />
        <Button startIcon={<DownloadOutlined />} onClick={() => void exportAs('csv')}>
          CSV
        </Button>
        <Button startIcon={<DownloadOutlined />} onClick={() => void exportAs('ndjson')}>
          NDJSON
        </Button>
        <AsyncButton variant="contained" startIcon={<VerifiedOutlined />} onClick={verifyChain}>
          {t('audit.verifyChain')}
        </AsyncButton>
      </Stack>
      {verify && (
        <Alert
          severity={verify.ok ? 'success' : 'error'}
          onClose={() => setVerify(null)}
          sx={{ mb: 2 }}
          role="status"
        >
          {verify.ok
            ? t('audit.intact', { count: verify.checked })
            : t('audit.broken', {
                seq: verify.firstBroken?.seq,
                reason:
                  verify.firstBroken?.reason === 'hash_mismatch'
                    ? t('audit.hashMismatch')
                    : t('audit.removed'),
                count: verify.checked,
              })}
        </Alert>
      )}
      {error && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {error}
        </Alert>
      )}
      <AuditFilters value={filters} onChange={setFilters} />
      <AuditTable events={events} />
      <Box sx={{ textAlign: 'center', mt: 2 }}>
        {cursor ? (
          <Button onClick={() => void loadMore()}>{t('audit.loadOlder')}</Button>
        ) : (
          <Typography variant="body2" color="text.secondary">
            {events.length ? t('audit.noOlder') : t('audit.noMatch')}
          </Typography>
        )}
      </Box>
    </Box>
  );
}

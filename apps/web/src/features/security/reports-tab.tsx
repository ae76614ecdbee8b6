// Reports for a period: security charts (failed sign-ins, alerts by severity, top addresses),
// upload usage, the compliance posture, and the security report as JSON or CSV to download.
import DownloadOutlined from '@mui/icons-material/DownloadOutlined';
import { Alert, Divider, LinearProgress, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { securityReportCsv } from '@s3am/client';
import { api } from '../../api/api-client';
import { problemMessage } from '../../api/problem';
import { AsyncButton } from '../common/async-button';
import { useApiQuery } from '../common/use-api-query';
import { ComplianceList } from './compliance-list';
import { lastDays, periodQuery, type Period } from './report-period';
import { SecurityCharts } from './security-charts';
import { UsagePanel } from './usage-panel';

/** Saves a response body under `name` (the API sends the CSV formula-safe). */
function save(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ReportsTab() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<Period>(() => lastDays(30));
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const valid = period.from !== '' && period.to !== '' && period.from <= period.to;
  const query = valid ? periodQuery(period) : null;
  const report = useApiQuery(async () => {
    if (!query) return null;
    return api.securityReport({ query });
  }, [query?.from, query?.to]);
  const usage = useApiQuery(async () => {
    if (!query) return null;
    return api.securityUsage({ query });
  }, [query?.from, query?.to]);

  const download = async (format: 'json' | 'csv') => {
    if (!query) return;
    setDownloadError(null);
    try {
      // Saved as the API sent it (JSON or CSV): the CSV route is the same path, read raw.
      const response = await api.call(securityReportCsv, { query: { ...query, format } });
      save(await response.blob(), `security-report-${period.from}-${period.to}.${format}`);
    } catch (caught) {
      setDownloadError(problemMessage(caught));
    }
  };

  return (
    <Stack spacing={3}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: 'center' }}>
        <TextField
          size="small"
          type="date"
          label={t('security.reports.from')}
          value={period.from}
          onChange={(event) => setPeriod({ ...period, from: event.target.value })}
          slotProps={{ inputLabel: { shrink: true } }}
          error={!valid}
        />
        <TextField
          size="small"
          type="date"
          label={t('security.reports.to')}
          value={period.to}
          onChange={(event) => setPeriod({ ...period, to: event.target.value })}
          slotProps={{ inputLabel: { shrink: true } }}
          error={!valid}
          helperText={valid ? undefined : t('security.reports.startAfterEnd')}
        />
        <AsyncButton
          startIcon={<DownloadOutlined />}
          disabled={!valid}
          onClick={() => download('json')}
        >
          {t('security.reports.json')}
        </AsyncButton>
        <AsyncButton
          startIcon={<DownloadOutlined />}
          disabled={!valid}
          onClick={() => download('csv')}
        >
          {t('security.reports.csv')}
        </AsyncButton>
      </Stack>
      {downloadError && <Alert severity="error">{downloadError}</Alert>}
      {report.loading && <LinearProgress aria-label={t('security.reports.loading')} />}
      {report.error && <Alert severity="error">{report.error}</Alert>}
      {report.data && <SecurityCharts report={report.data} />}
      <Divider />
      <Typography variant="h6" component="h2">
        {t('security.reports.usage')}
      </Typography>
      {usage.loading && <LinearProgress aria-label={t('security.reports.loadingUsage')} />}
      {usage.error && <Alert severity="error">{usage.error}</Alert>}
      {usage.data && <UsagePanel usage={usage.data} />}
      <Divider />
      <Typography variant="h6" component="h2">
        {t('security.reports.compliance')}
      </Typography>
      <ComplianceList />
    </Stack>
  );
}

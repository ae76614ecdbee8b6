// The security report as charts (MUI X Charts follow the theme, dark mode included): failed
// sign-ins per day, alerts per day by severity, and the addresses with the most failures.
import { Paper, Stack, Typography, useTheme } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { LineChart } from '@mui/x-charts/LineChart';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SecurityReport } from '@s3am/contracts';
import { formatNumber } from '../i18n/intl-format';
import { SEVERITY_LABEL } from './security-display';

function ChartCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper variant="outlined" sx={{ p: 2, flex: 1, minWidth: 0 }}>
      <Typography variant="subtitle1" component="h3">
        {title}
      </Typography>
      {children}
    </Paper>
  );
}

const Empty = ({ text }: { text: string }) => (
  <Typography color="text.secondary" sx={{ py: 4, textAlign: 'center' }}>
    {text}
  </Typography>
);

export function SecurityCharts({ report }: { report: SecurityReport }) {
  const theme = useTheme();
  const { t } = useTranslation();
  const severityColor = {
    HIGH: theme.palette.error.main,
    MEDIUM: theme.palette.warning.main,
    LOW: theme.palette.info.main,
  };
  const signIns = report.failedSignIns.byDay;
  const topIps = report.topIps.slice(0, 10);
  return (
    <Stack spacing={2}>
      <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2}>
        <ChartCard
          title={t('security.charts.failedSignInsTitle', {
            total: formatNumber(report.failedSignIns.total),
          })}
        >
          {signIns.length === 0 ? (
            <Empty text={t('security.charts.noFailedSignIns')} />
          ) : (
            <LineChart
              height={260}
              xAxis={[{ scaleType: 'point', data: signIns.map((item) => item.day) }]}
              yAxis={[{ tickMinStep: 1 }]}
              series={[
                {
                  data: signIns.map((item) => item.count),
                  label: t('security.charts.failedSignIns'),
                  color: theme.palette.error.main,
                  area: true,
                },
              ]}
            />
          )}
        </ChartCard>
        <ChartCard
          title={t('security.charts.alertsTitle', {
            high: formatNumber(report.alertsBySeverity.HIGH),
            medium: formatNumber(report.alertsBySeverity.MEDIUM),
            low: formatNumber(report.alertsBySeverity.LOW),
          })}
        >
          {report.alertsByDay.length === 0 ? (
            <Empty text={t('security.charts.noAlerts')} />
          ) : (
            <BarChart
              height={260}
              dataset={report.alertsByDay}
              xAxis={[{ scaleType: 'band', dataKey: 'day' }]}
              yAxis={[{ tickMinStep: 1 }]}
              series={(['HIGH', 'MEDIUM', 'LOW'] as const).map((severity) => ({
                dataKey: severity,
                label: t(SEVERITY_LABEL[severity]),
                stack: 'alerts',
                color: severityColor[severity],
              }))}
            />
          )}
        </ChartCard>
      </Stack>
      <ChartCard title={t('security.charts.topAddresses')}>
        {topIps.length === 0 ? (
          <Empty text={t('security.charts.noFailingAddresses')} />
        ) : (
          <BarChart
            height={Math.max(160, topIps.length * 36 + 60)}
            layout="horizontal"
            dataset={topIps}
            yAxis={[{ scaleType: 'band', dataKey: 'ip', width: 140 }]}
            xAxis={[{ tickMinStep: 1 }]}
            series={[
              {
                dataKey: 'failures',
                label: t('security.charts.failures'),
                color: theme.palette.error.main,
              },
              {
                dataKey: 'alerts',
                label: t('security.charts.alerts'),
                color: theme.palette.warning.main,
              },
            ]}
          />
        )}
      </ChartCard>
    </Stack>
  );
}

// The security report as charts (MUI X Charts follow the theme, dark mode included): failed
// sign-ins per day, alerts per day by severity, and the addresses with the most failures.
import { Paper, Stack, Typography, useTheme } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { LineChart } from '@mui/x-charts/LineChart';
import type { ReactNode } from 'react';
import type { SecurityReport } from '@s3am/contracts';

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
        <ChartCard title={`Failed sign-ins (${report.failedSignIns.total})`}>
          {signIns.length === 0 ? (
            <Empty text="No failed sign-ins in this period." />
          ) : (
            <LineChart
              height={260}
              xAxis={[{ scaleType: 'point', data: signIns.map((item) => item.day) }]}
              yAxis={[{ tickMinStep: 1 }]}
              series={[
                {
                  data: signIns.map((item) => item.count),
                  label: 'Failed sign-ins',
                  color: theme.palette.error.main,
                  area: true,
                },
              ]}
            />
          )}
        </ChartCard>
        <ChartCard
          title={`Alerts by severity (${report.alertsBySeverity.HIGH} high, ${report.alertsBySeverity.MEDIUM} medium, ${report.alertsBySeverity.LOW} low)`}
        >
          {report.alertsByDay.length === 0 ? (
            <Empty text="No alerts in this period." />
          ) : (
            <BarChart
              height={260}
              dataset={report.alertsByDay}
              xAxis={[{ scaleType: 'band', dataKey: 'day' }]}
              yAxis={[{ tickMinStep: 1 }]}
              series={(['HIGH', 'MEDIUM', 'LOW'] as const).map((severity) => ({
                dataKey: severity,
                label: severity,
                stack: 'alerts',
                color: severityColor[severity],
              }))}
            />
          )}
        </ChartCard>
      </Stack>
      <ChartCard title="Top addresses (failures and alerts)">
        {topIps.length === 0 ? (
          <Empty text="No failing addresses in this period." />
        ) : (
          <BarChart
            height={Math.max(160, topIps.length * 36 + 60)}
            layout="horizontal"
            dataset={topIps}
            yAxis={[{ scaleType: 'band', dataKey: 'ip', width: 140 }]}
            xAxis={[{ tickMinStep: 1 }]}
            series={[
              { dataKey: 'failures', label: 'Failures', color: theme.palette.error.main },
              { dataKey: 'alerts', label: 'Alerts', color: theme.palette.warning.main },
            ]}
          />
        )}
      </ChartCard>
    </Stack>
  );
}

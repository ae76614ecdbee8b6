// One figure on the dashboard, with an optional health indicator; skeletons while it loads.
import CheckCircleOutlined from '@mui/icons-material/CheckCircleOutlined';
import ErrorOutlineOutlined from '@mui/icons-material/ErrorOutlineOutlined';
import { Box, Card, CardContent, Skeleton, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function StatusCard({
  title,
  icon,
  value,
  detail,
  ok,
}: {
  title: string;
  icon: ReactNode;
  /** undefined while loading; null when it could not be loaded. */
  value: ReactNode | undefined;
  detail?: ReactNode;
  ok?: boolean;
}) {
  const loading = value === undefined;
  const { t } = useTranslation();
  return (
    <Card sx={{ height: '100%' }}>
      <CardContent>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, color: 'text.secondary' }}>
          {icon}
          <Typography variant="overline" component="h2" sx={{ flexGrow: 1, lineHeight: 2 }}>
            {title}
          </Typography>
          {ok !== undefined &&
            (ok ? (
              <CheckCircleOutlined color="success" titleAccess={t('dashboard.ok')} />
            ) : (
              <ErrorOutlineOutlined color="error" titleAccess={t('dashboard.problem')} />
            ))}
        </Box>
        <Typography variant="h5" component="p" sx={{ mt: 1 }}>
          {loading ? <Skeleton width="60%" /> : (value ?? '—')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
          {loading ? <Skeleton width="80%" /> : (detail ?? '\u00a0')}
        </Typography>
      </CardContent>
    </Card>
  );
}

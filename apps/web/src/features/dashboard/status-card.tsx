// One figure on the dashboard, with an optional health indicator.
import CheckCircleOutlined from '@mui/icons-material/CheckCircleOutlined';
import ErrorOutlineOutlined from '@mui/icons-material/ErrorOutlineOutlined';
import { Box, Card, CardContent, Skeleton, Typography } from '@mui/material';
import type { ReactNode } from 'react';

export function StatusCard({
  title,
  value,
  detail,
  ok,
}: {
  title: string;
  value?: ReactNode;
  detail?: ReactNode;
  ok?: boolean;
}) {
  return (
    <Card sx={{ height: '100%' }}>
      <CardContent>
        <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
          <Typography variant="overline" color="text.secondary">
            {title}
          </Typography>
          {ok !== undefined &&
            (ok ? (
              <CheckCircleOutlined color="success" aria-label="OK" />
            ) : (
              <ErrorOutlineOutlined color="error" aria-label="Problem" />
            ))}
        </Box>
        <Typography variant="h5" component="p">
          {value ?? <Skeleton width="60%" />}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
          {detail ?? (value === undefined ? <Skeleton width="80%" /> : '\u00a0')}
        </Typography>
      </CardContent>
    </Card>
  );
}

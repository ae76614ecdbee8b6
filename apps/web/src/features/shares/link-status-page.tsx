// The frame of the public link pages (no app shell, no account), and the one clear page a
// revoked, expired, used-up or unknown link gets.
import { Box, Container, Paper, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LinkProblem } from './public-link-api';

export function LinkFrame({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Container maxWidth="md" sx={{ py: { xs: 2, sm: 6 } }}>
      <Paper sx={{ p: { xs: 2, sm: 4 } }} component="main">
        <Typography variant="h5" component="h1" gutterBottom sx={{ wordBreak: 'break-word' }}>
          {title}
        </Typography>
        {children}
      </Paper>
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 2 }}>
        {t('shares.link.sharedThrough')}
      </Typography>
    </Container>
  );
}

export function LinkUnavailable({ problem }: { problem: LinkProblem }) {
  const { t } = useTranslation();
  const heading =
    problem.code === 'LINK_NOT_FOUND'
      ? t('shares.link.notFound')
      : problem.code === 'LINK_ADDRESS_REFUSED'
        ? t('shares.link.addressRefused')
        : problem.code === 'RATE_LIMITED'
          ? t('shares.link.rateLimited')
          : problem.code === 'LINK_UNAVAILABLE'
            ? t('shares.link.unavailable')
            : t('shares.link.cannotOpen');
  return (
    <LinkFrame title={heading}>
      <Box role="alert">
        <Typography>{problem.message}</Typography>
        <Typography color="text.secondary" sx={{ mt: 1 }}>
          {t('shares.link.askForNew')}
        </Typography>
      </Box>
    </LinkFrame>
  );
}

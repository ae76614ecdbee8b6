// The frame of the public link pages (no app shell, no account), and the one clear page a
// revoked, expired, used-up or unknown link gets.
import { Box, Container, Paper, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import type { LinkProblem } from './public-link-api';

export function LinkFrame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Container maxWidth="md" sx={{ py: { xs: 2, sm: 6 } }}>
      <Paper sx={{ p: { xs: 2, sm: 4 } }} component="main">
        <Typography variant="h5" component="h1" gutterBottom sx={{ wordBreak: 'break-word' }}>
          {title}
        </Typography>
        {children}
      </Paper>
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 2 }}>
        Shared through S3 Access Manager
      </Typography>
    </Container>
  );
}

export function LinkUnavailable({ problem }: { problem: LinkProblem }) {
  const heading =
    problem.code === 'LINK_NOT_FOUND'
      ? 'This link does not exist'
      : problem.code === 'LINK_ADDRESS_REFUSED'
        ? 'This link cannot be used from your network'
        : problem.code === 'RATE_LIMITED'
          ? 'Too many requests'
          : problem.code === 'LINK_UNAVAILABLE'
            ? 'This link is no longer available'
            : 'This link cannot be opened right now';
  return (
    <LinkFrame title={heading}>
      <Box role="alert">
        <Typography>{problem.message}</Typography>
        <Typography color="text.secondary" sx={{ mt: 1 }}>
          Ask the person who sent it for a new link.
        </Typography>
      </Box>
    </LinkFrame>
  );
}

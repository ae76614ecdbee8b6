// The interactive API reference (Swagger UI over /openapi.json) inside the web app, so "Try it
// out" sends the signed-in session's access token (no token pasting) and the page follows the
// chosen colour mode. Readable signed out too: developers read it before they have an account.
import { AppBar, Box, Button, Toolbar, Typography, useTheme } from '@mui/material';
import SwaggerUI from 'swagger-ui-react';
import 'swagger-ui-react/swagger-ui.css';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getAccessToken } from '../../api/session';
import { useAuth } from '../auth/auth-context';

/**
 * Adds the session's current token (kept fresh by the app's refresh timer) to every call. Swagger
 * UI hands over a plain object whose `headers` is a plain object too.
 */
function withSession(request: Record<string, unknown>): Record<string, unknown> {
  const headers = request.headers as Record<string, string>;
  const token = getAccessToken();
  // A token typed into Authorize wins: it is what the developer asked to try.
  if (token && !headers.Authorization) headers.Authorization = `Bearer ${token}`;
  return request;
}

/**
 * Swagger UI has no dark theme: in dark mode the reference is inverted and hue-rotated back, the
 * usual way to darken it without restyling every rule (images are turned back).
 */
const DARK = {
  filter: 'invert(0.9) hue-rotate(180deg)',
  '& img, & svg': { filter: 'invert(1) hue-rotate(180deg)' },
} as const;

export function ApiDocsPage() {
  const theme = useTheme();
  const { t } = useTranslation();
  const { status, user } = useAuth();
  return (
    <Box sx={{ minHeight: '100vh', bgcolor: 'background.default' }}>
      <AppBar position="static" color="default" component="header">
        <Toolbar sx={{ gap: 2, flexWrap: 'wrap' }}>
          {/* Not a heading: Swagger UI's title below is the page's one h1. */}
          <Typography variant="h6" component="p" sx={{ flexGrow: 1 }}>
            {t('apiDocs.title')}
          </Typography>
          <Typography variant="body2" color="text.secondary" role="status">
            {status === 'signed-in' && user
              ? t('apiDocs.session', { email: user.email })
              : status === 'signed-out'
                ? t('apiDocs.signedOut')
                : ''}
          </Typography>
          <Button component={Link} to={status === 'signed-in' ? '/' : '/login'} variant="outlined">
            {status === 'signed-in' ? t('apiDocs.backToApp') : t('apiDocs.signIn')}
          </Button>
        </Toolbar>
      </AppBar>
      {/* A region, not <main>: Swagger UI brings its own main landmark for the operations. */}
      <Box
        component="section"
        aria-label={t('apiDocs.reference')}
        sx={{ bgcolor: '#fff', ...(theme.palette.mode === 'dark' ? DARK : {}) }}
      >
        <SwaggerUI url="/openapi.json" requestInterceptor={withSession} tryItOutEnabled />
      </Box>
    </Box>
  );
}

// What a page shows when it fails to load or to render, instead of the router's developer page.
// A page's code that cannot be fetched usually means a new version replaced the old files (or the
// connection dropped): the app reloads itself once for that, and offers a Reload button otherwise.
import { Alert, Box, Button, Stack, Typography } from '@mui/material';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { NotFoundPage } from '../../routes/not-found-page';

const RELOADED_AT = 's3am.page-error-reload';
/** One automatic reload per this many ms, so a lasting failure shows the page below instead of looping. */
const AUTO_RELOAD_EVERY_MS = 30_000;

/** Chromium, Firefox and Safari word a failed `import()` differently; Vite's preload says "Unable to preload". */
export function isCodeLoadFailure(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /dynamically imported module|Importing a module script failed|Unable to preload CSS|error loading dynamically imported module/i.test(
    message,
  );
}

function reloadOnce(): boolean {
  try {
    const last = Number(sessionStorage.getItem(RELOADED_AT) ?? 0);
    if (Date.now() - last < AUTO_RELOAD_EVERY_MS) return false;
    sessionStorage.setItem(RELOADED_AT, String(Date.now()));
  } catch {
    return false;
  }
  window.location.reload();
  return true;
}

export function PageError() {
  const error = useRouteError();
  const { t } = useTranslation();
  const codeMissing = isCodeLoadFailure(error);
  useEffect(() => {
    if (codeMissing) reloadOnce();
  }, [codeMissing]);

  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  const detail = error instanceof Error ? error.message : undefined;
  return (
    <Box sx={{ maxWidth: 560, mx: 'auto', py: 8, px: 2 }}>
      <Typography variant="h5" component="h1" gutterBottom>
        {t('common.pageError.title')}
      </Typography>
      <Alert severity="error" sx={{ mb: 3 }}>
        {codeMissing ? t('common.pageError.notLoaded') : t('common.pageError.failed')}
        {detail && !codeMissing && (
          <Typography variant="body2" component="p" sx={{ mt: 1, wordBreak: 'break-word' }}>
            {detail}
          </Typography>
        )}
      </Alert>
      <Stack direction="row" spacing={2}>
        <Button variant="contained" onClick={() => window.location.reload()}>
          {t('common.pageError.reload')}
        </Button>
        <Button component={Link} to="/" reloadDocument>
          {t('common.backToDashboard')}
        </Button>
      </Stack>
    </Box>
  );
}

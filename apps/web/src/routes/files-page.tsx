// Files (everyone signed in): pick a granted location and browse it; the place lives in the URL.
import { Alert, Box, CircularProgress, Link, Stack, Typography } from '@mui/material';
import { Link as RouterLink, useSearchParams } from 'react-router';
import type { FileLocation } from '@s3am/contracts';
import { useAuth } from '../features/auth/auth-context';
import { useApiQuery } from '../features/common/use-api-query';
import { FileBrowser } from '../features/files/file-browser';
import { fetchLocations } from '../features/files/files-api';
import { api } from '../api/api-client';
import { LocationPicker } from '../features/files/location-picker';
import { Trans, useTranslation } from 'react-i18next';

function NoLocations({ admin }: { admin: boolean }) {
  const { t } = useTranslation();
  return (
    <Alert severity="info">
      {admin ? (
        <Trans
          i18nKey="files.noBuckets"
          components={{ link: <Link component={RouterLink} to="/connections" /> }}
        />
      ) : (
        t('files.noAccess')
      )}
    </Alert>
  );
}

export function FilesPage() {
  const { user } = useAuth();
  const { t } = useTranslation();
  const { data: locations, error } = useApiQuery(fetchLocations, []);
  const { data: permissions } = useApiQuery(() => api.myPermissions(), []);
  const [params, setParams] = useSearchParams();

  // The URL names the location (connection, bucket, granted prefix) and the folder inside it.
  const location =
    locations?.find(
      (l) =>
        l.connectionId === params.get('connection') &&
        l.bucket === params.get('bucket') &&
        l.prefix === (params.get('root') ?? ''),
    ) ??
    locations?.[0] ??
    null;
  const wanted = params.get('prefix') ?? '';
  const prefix = location && wanted.startsWith(location.prefix) ? wanted : (location?.prefix ?? '');

  const go = (next: FileLocation, nextPrefix: string) =>
    setParams({
      connection: next.connectionId,
      bucket: next.bucket,
      root: next.prefix,
      prefix: nextPrefix,
    });

  return (
    <Box>
      <Stack
        direction={{ xs: 'column', sm: 'row' }}
        spacing={2}
        sx={{ alignItems: { sm: 'center' }, mb: 3 }}
      >
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          {t('files.title')}
        </Typography>
        {locations && locations.length > 0 && (
          <LocationPicker
            locations={locations}
            selected={location}
            onSelect={(next) => go(next, next.prefix)}
          />
        )}
      </Stack>
      {error && <Alert severity="error">{error}</Alert>}
      {!locations && !error && <CircularProgress aria-label={t('files.loadingLocations')} />}
      {locations?.length === 0 && <NoLocations admin={user?.role === 'admin'} />}
      {location && (
        <FileBrowser
          key={`${location.connectionId}|${location.bucket}|${location.prefix}`}
          location={location}
          prefix={prefix}
          permissions={permissions}
          onNavigate={(next) => go(location, next)}
        />
      )}
    </Box>
  );
}

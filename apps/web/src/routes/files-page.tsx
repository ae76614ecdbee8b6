// Files (everyone signed in): pick a granted location and browse it; the place lives in the URL.
import { Alert, Box, CircularProgress, Link, Stack, Typography } from '@mui/material';
import { Link as RouterLink, useSearchParams } from 'react-router';
import type { FileLocation } from '@s3am/contracts';
import { useAuth } from '../features/auth/auth-context';
import { useApiQuery } from '../features/common/use-api-query';
import { FileBrowser } from '../features/files/file-browser';
import { fetchLocations } from '../features/files/files-api';
import { fetchMyPermissions } from '../features/files/folder-actions';
import { LocationPicker } from '../features/files/location-picker';

function NoLocations({ admin }: { admin: boolean }) {
  return (
    <Alert severity="info">
      {admin ? (
        <>
          No buckets are configured yet. Add one to a connection on the{' '}
          <Link component={RouterLink} to="/connections">
            Connections
          </Link>{' '}
          page.
        </>
      ) : (
        'You have no access to any files yet. Ask an administrator to grant you a folder.'
      )}
    </Alert>
  );
}

export function FilesPage() {
  const { user } = useAuth();
  const { data: locations, error } = useApiQuery(fetchLocations, []);
  const { data: permissions } = useApiQuery(fetchMyPermissions, []);
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
          Files
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
      {!locations && !error && <CircularProgress aria-label="Loading locations" />}
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

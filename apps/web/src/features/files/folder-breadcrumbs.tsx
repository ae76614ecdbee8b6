// Where we are inside a location, as links back up — never above the location's own prefix.
import { Breadcrumbs, Link, Typography } from '@mui/material';
import type { FileLocation } from '@s3am/contracts';
import { useTranslation } from 'react-i18next';

export function FolderBreadcrumbs({
  location,
  prefix,
  onNavigate,
}: {
  location: FileLocation;
  prefix: string;
  onNavigate: (prefix: string) => void;
}) {
  const { t } = useTranslation();
  const rootLabel = `${location.bucket}/${location.prefix}`.replace(/\/$/, '');
  const segments = prefix.slice(location.prefix.length).split('/').filter(Boolean);
  const crumbs = [
    { label: rootLabel, prefix: location.prefix },
    ...segments.map((name, index) => ({
      label: name,
      prefix: location.prefix + segments.slice(0, index + 1).join('/') + '/',
    })),
  ];
  return (
    <Breadcrumbs aria-label={t('files.folderPath')} maxItems={6} sx={{ wordBreak: 'break-all' }}>
      {crumbs.map((crumb, index) =>
        index === crumbs.length - 1 ? (
          <Typography key={crumb.prefix} color="text.primary" aria-current="page">
            {crumb.label}
          </Typography>
        ) : (
          <Link
            key={crumb.prefix}
            component="button"
            underline="hover"
            color="inherit"
            onClick={() => onNavigate(crumb.prefix)}
          >
            {crumb.label}
          </Link>
        ),
      )}
    </Breadcrumbs>
  );
}

// The dashboard of people who are not admins: where they may work, their recent uploads and a
// quick upload, instead of system internals (database, user and connection counts).
import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import {
  Alert,
  Button,
  Card,
  CardContent,
  FormControl,
  Grid,
  InputLabel,
  List,
  ListItem,
  ListItemText,
  MenuItem,
  Select,
  Stack,
  Typography,
} from '@mui/material';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type FileLocation, type Role } from '@s3am/contracts';
import { api } from '../../api/api-client';
import { formatBytes } from '../common/format-bytes';
import { formatDateTime } from '../i18n/intl-format';
import { useApiQuery } from '../common/use-api-query';
import { locationId, targetFor } from '../uploads/destination-picker';
import { pickedFromInput } from '../uploads/dropped-files';
import { useUploadManager } from '../uploads/upload-manager-context';
import { describeLocation } from '../uploads/upload-target';
import { fetchMyUploads } from '../uploads/uploads-api';

async function fetchLocations(action: 'read' | 'write'): Promise<FileLocation[]> {
  return (await api.fileLocations({ query: { action } })).items;
}

export function MyWorkSection({ role }: { role: Role }) {
  const { t } = useTranslation();
  const canUpload = role === 'uploader';
  const locations = useApiQuery(() => fetchLocations(canUpload ? 'write' : 'read'), [canUpload]);
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, md: 6 }}>
        <Card>
          <CardContent>
            <Typography variant="h6" component="h2" gutterBottom>
              {canUpload ? t('dashboard.whereUpload') : t('dashboard.whereRead')}
            </Typography>
            {locations.error && <Alert severity="error">{locations.error}</Alert>}
            {locations.data?.length === 0 && (
              <Typography color="text.secondary">{t('dashboard.nothingGranted')}</Typography>
            )}
            <List dense aria-label={t('dashboard.yourLocations')}>
              {(locations.data ?? []).map((location) => (
                <ListItem key={locationId(location)} disableGutters>
                  <ListItemText
                    primary={describeLocation(
                      location.connectionName,
                      location.bucket,
                      location.prefix,
                    )}
                    sx={{ overflowWrap: 'anywhere' }}
                  />
                </ListItem>
              ))}
            </List>
            <Button component={Link} to="/files">
              {t('dashboard.browseFiles')}
            </Button>
          </CardContent>
        </Card>
      </Grid>
      {canUpload && (
        <Grid size={{ xs: 12, md: 6 }}>
          <QuickUploadCard locations={locations.data ?? []} />
        </Grid>
      )}
      {canUpload && (
        <Grid size={{ xs: 12 }}>
          <RecentUploadsCard />
        </Grid>
      )}
    </Grid>
  );
}

function QuickUploadCard({ locations }: { locations: FileLocation[] }) {
  const { t } = useTranslation();
  const manager = useUploadManager();
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState('');
  const location = locations.find((l) => locationId(l) === chosen) ?? locations[0];
  return (
    <Card>
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {t('dashboard.quickUpload')}
        </Typography>
        <Stack spacing={2}>
          <FormControl fullWidth size="small" disabled={!location}>
            <InputLabel id="quick-upload-location">{t('dashboard.uploadTo')}</InputLabel>
            <Select
              labelId="quick-upload-location"
              label={t('dashboard.uploadTo')}
              value={location ? locationId(location) : ''}
              onChange={(event) => setChosen(event.target.value)}
            >
              {locations.map((l) => (
                <MenuItem key={locationId(l)} value={locationId(l)}>
                  {describeLocation(l.connectionName, l.bucket, l.prefix)}
                </MenuItem>
              ))}
            </Select>
          </FormControl>
          <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
            <Button
              variant="contained"
              startIcon={<UploadFileOutlined />}
              disabled={!location}
              onClick={() => input.current?.click()}
            >
              {t('dashboard.chooseFiles')}
            </Button>
            <Button component={Link} to="/uploads">
              {t('dashboard.openUploads')}
            </Button>
          </Stack>
          <input
            ref={input}
            type="file"
            multiple
            hidden
            aria-label={t('dashboard.filesToUpload')}
            data-testid="quick-upload-input"
            onChange={(event) => {
              const files = pickedFromInput(event.currentTarget.files);
              event.currentTarget.value = '';
              if (location && files.length > 0) void manager.add(files, targetFor(location, null));
            }}
          />
          <Typography variant="body2" color="text.secondary">
            {t('dashboard.progressHint')}
          </Typography>
        </Stack>
      </CardContent>
    </Card>
  );
}

function RecentUploadsCard() {
  const { t } = useTranslation();
  const recent = useApiQuery(() => fetchMyUploads('completed', { limit: 5 }), []);
  return (
    <Card>
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {t('dashboard.recentUploads')}
        </Typography>
        {recent.error && <Alert severity="error">{recent.error}</Alert>}
        {recent.data?.items.length === 0 && (
          <Typography color="text.secondary">{t('dashboard.noUploads')}</Typography>
        )}
        <List dense aria-label={t('dashboard.recentUploads')}>
          {(recent.data?.items ?? []).map((upload) => (
            <ListItem key={upload.id} disableGutters>
              <ListItemText
                primary={upload.key}
                secondary={`${upload.bucket} · ${formatBytes(upload.size)} · ${formatDateTime(upload.completedAt ?? upload.updatedAt)}`}
                sx={{ overflowWrap: 'anywhere' }}
              />
            </ListItem>
          ))}
        </List>
      </CardContent>
    </Card>
  );
}

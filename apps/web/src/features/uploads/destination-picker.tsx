// Where uploads go: a granted location, an optional sub-folder, and what to do when a name exists.
import {
  FormControl,
  InputLabel,
  MenuItem,
  Select,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { ExistingKeyPolicy, type FileLocation } from '@s3am/contracts';
import { folderPrefix } from './upload-keys';
import { describeLocation, type UploadTarget } from './upload-target';
import { Trans, useTranslation } from 'react-i18next';

export function locationId(location: Pick<FileLocation, 'connectionId' | 'bucket' | 'prefix'>) {
  return `${location.connectionId}|${location.bucket}|${location.prefix}`;
}

export function targetFor(location: FileLocation, previous: UploadTarget | null): UploadTarget {
  return {
    connectionId: location.connectionId,
    connectionName: location.connectionName,
    bucket: location.bucket,
    prefix: location.prefix,
    subFolder: previous?.subFolder ?? '',
    onExisting: previous?.onExisting ?? 'rename',
  };
}

export function DestinationPicker({
  locations,
  target,
  onChange,
}: {
  locations: readonly FileLocation[];
  target: UploadTarget;
  onChange: (target: UploadTarget) => void;
}) {
  const selected = locationId(target);
  const { t } = useTranslation();
  return (
    <Stack spacing={2}>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
        <FormControl fullWidth size="small">
          <InputLabel id="upload-location-label">{t('uploads.picker.location')}</InputLabel>
          <Select
            labelId="upload-location-label"
            label={t('uploads.picker.location')}
            value={selected}
            onChange={(event) => {
              const location = locations.find((l) => locationId(l) === event.target.value);
              if (location) onChange(targetFor(location, target));
            }}
          >
            {locations.map((location) => (
              <MenuItem key={locationId(location)} value={locationId(location)}>
                {describeLocation(location.connectionName, location.bucket, location.prefix) ||
                  location.bucket}
              </MenuItem>
            ))}
          </Select>
        </FormControl>
        <TextField
          size="small"
          fullWidth
          label={t('uploads.picker.subFolder')}
          placeholder={t('uploads.picker.subFolderPlaceholder')}
          value={target.subFolder}
          onChange={(event) => onChange({ ...target, subFolder: event.target.value })}
        />
        <FormControl fullWidth size="small">
          <InputLabel id="upload-existing-label">{t('uploads.picker.ifExists')}</InputLabel>
          <Select
            labelId="upload-existing-label"
            label={t('uploads.picker.ifExists')}
            value={target.onExisting}
            onChange={(event) =>
              onChange({ ...target, onExisting: ExistingKeyPolicy.parse(event.target.value) })
            }
          >
            {ExistingKeyPolicy.options.map((policy) => (
              <MenuItem key={policy} value={policy}>
                {t(`uploads.picker.${policy}`)}
              </MenuItem>
            ))}
          </Select>
        </FormControl>
      </Stack>
      <Typography variant="body2" color="text.secondary">
        <Trans
          i18nKey="uploads.picker.filesGoTo"
          values={{
            destination: describeLocation(
              target.connectionName,
              target.bucket,
              folderPrefix(target.prefix, target.subFolder),
            ),
          }}
          components={{ strong: <strong /> }}
        />
      </Typography>
    </Stack>
  );
}

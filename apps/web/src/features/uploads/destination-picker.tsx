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

const EXISTING_LABELS: Record<ExistingKeyPolicy, string> = {
  rename: 'Keep both (rename the new file)',
  overwrite: 'Overwrite the existing file',
  reject: 'Skip it (report an error)',
};

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
  return (
    <Stack spacing={2}>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
        <FormControl fullWidth size="small">
          <InputLabel id="upload-location-label">Location</InputLabel>
          <Select
            labelId="upload-location-label"
            label="Location"
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
          label="Sub-folder (optional)"
          placeholder="e.g. reports/2024"
          value={target.subFolder}
          onChange={(event) => onChange({ ...target, subFolder: event.target.value })}
        />
        <FormControl fullWidth size="small">
          <InputLabel id="upload-existing-label">If the name exists</InputLabel>
          <Select
            labelId="upload-existing-label"
            label="If the name exists"
            value={target.onExisting}
            onChange={(event) =>
              onChange({ ...target, onExisting: ExistingKeyPolicy.parse(event.target.value) })
            }
          >
            {ExistingKeyPolicy.options.map((policy) => (
              <MenuItem key={policy} value={policy}>
                {EXISTING_LABELS[policy]}
              </MenuItem>
            ))}
          </Select>
        </FormControl>
      </Stack>
      <Typography variant="body2" color="text.secondary">
        Files go to{' '}
        <strong>
          {describeLocation(
            target.connectionName,
            target.bucket,
            folderPrefix(target.prefix, target.subFolder),
          )}
        </strong>
        ; folders keep their structure inside it.
      </Typography>
    </Stack>
  );
}

// One side of a migration (source or destination): connection, bucket (typed, or picked from the
// buckets the connection knows) and prefix.
import { Autocomplete, MenuItem, Stack, TextField, Typography } from '@mui/material';
import type { ConnectionView } from '@s3am/contracts';

export interface LocationValue {
  connectionId: string;
  bucket: string;
  prefix: string;
}

export const EMPTY_LOCATION: LocationValue = { connectionId: '', bucket: '', prefix: '' };

export function LocationFields({
  side,
  value,
  onChange,
  connections,
  fieldProps,
}: {
  side: 'source' | 'destination';
  value: LocationValue;
  onChange: (next: LocationValue) => void;
  connections: ConnectionView[];
  /** The API's message under a field ("source.bucket"), when it had one. */
  fieldProps: (field: string) => { error?: boolean; helperText?: string };
}) {
  const connection = connections.find((c) => c.id === value.connectionId);
  const title = side === 'source' ? 'Source' : 'Destination';
  return (
    <Stack spacing={2} sx={{ flex: 1, minWidth: 260 }}>
      <Typography variant="subtitle1" component="h2">
        {title}
      </Typography>
      <TextField
        select
        label={`${title} connection`}
        value={value.connectionId}
        onChange={(event) => onChange({ ...value, connectionId: event.target.value, bucket: '' })}
        required
        {...fieldProps(`${side}.connectionId`)}
      >
        {connections.map((option) => (
          <MenuItem key={option.id} value={option.id}>
            {option.name} ({option.endpoint ?? 'AWS S3'} · {option.region})
          </MenuItem>
        ))}
      </TextField>
      <Autocomplete
        freeSolo
        options={connection?.buckets ?? []}
        inputValue={value.bucket}
        onInputChange={(_event, bucket) => onChange({ ...value, bucket: bucket.trim() })}
        renderInput={(params) => (
          <TextField
            {...params}
            label={`${title} bucket`}
            required
            {...fieldProps(`${side}.bucket`)}
          />
        )}
      />
      <TextField
        label={`${title} prefix`}
        value={value.prefix}
        onChange={(event) => onChange({ ...value, prefix: event.target.value })}
        placeholder="empty = the whole bucket"
        helperText={
          fieldProps(`${side}.prefix`).helperText ??
          (side === 'source' ? 'Everything under it is copied' : 'Copies land under it')
        }
        error={fieldProps(`${side}.prefix`).error ?? false}
      />
    </Stack>
  );
}

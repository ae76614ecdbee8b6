// One side of a migration (source or destination): connection, bucket (typed, or picked from the
// buckets the connection knows) and prefix.
import { Autocomplete, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation();
  return (
    <Stack spacing={2} sx={{ flex: 1, minWidth: 260 }}>
      <Typography variant="subtitle1" component="h2">
        {t(`migrations.location.${side}.title`)}
      </Typography>
      <TextField
        select
        label={t(`migrations.location.${side}.connection`)}
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
            label={t(`migrations.location.${side}.bucket`)}
            required
            {...fieldProps(`${side}.bucket`)}
          />
        )}
      />
      <TextField
        label={t(`migrations.location.${side}.prefix`)}
        value={value.prefix}
        onChange={(event) => onChange({ ...value, prefix: event.target.value })}
        placeholder={t('migrations.location.prefixPlaceholder')}
        helperText={
          fieldProps(`${side}.prefix`).helperText ?? t(`migrations.location.${side}.prefixHelp`)
        }
        error={fieldProps(`${side}.prefix`).error ?? false}
      />
    </Stack>
  );
}

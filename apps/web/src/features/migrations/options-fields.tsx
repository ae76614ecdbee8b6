// A migration's options: what to copy (globs), when to replace, how objects land at the
// destination (storage class, encryption, metadata and tags) and how hard to push (concurrency,
// bandwidth cap), or only plan (dry run).
import {
  FormControlLabel,
  Grid,
  MenuItem,
  Stack,
  Switch,
  TextField,
  Typography,
} from '@mui/material';
import { MigrationStorageClass, type MigrationOptions } from '@s3am/contracts';

const OVERWRITE_LABEL: Record<MigrationOptions['overwrite'], string> = {
  skip: 'Never replace an existing object',
  if_different: 'Replace when different',
  always: 'Always replace',
};

/** One glob per line (or comma), empty lines dropped. */
export function globsFrom(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((glob) => glob.trim())
    .filter(Boolean);
}

export interface OptionsValue extends Omit<MigrationOptions, 'include' | 'exclude'> {
  includeText: string;
  excludeText: string;
}

export function OptionsFields({
  value,
  onChange,
  fieldProps,
}: {
  value: OptionsValue;
  onChange: (next: OptionsValue) => void;
  fieldProps: (field: string) => { error?: boolean; helperText?: string };
}) {
  const set = <K extends keyof OptionsValue>(key: K, next: OptionsValue[K]) =>
    onChange({ ...value, [key]: next });
  const toggle = (
    key: 'skipIdentical' | 'preserveMetadata' | 'preserveTags' | 'dryRun',
    label: string,
  ) => (
    <FormControlLabel
      control={<Switch checked={value[key]} onChange={(event) => set(key, event.target.checked)} />}
      label={label}
    />
  );
  return (
    <Stack spacing={2}>
      <Typography variant="subtitle1" component="h2">
        Options
      </Typography>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 6 }}>
          <TextField
            label="Include (globs)"
            value={value.includeText}
            onChange={(event) => set('includeText', event.target.value)}
            placeholder={'*.csv\nreports/**'}
            helperText={fieldProps('options.include').helperText ?? 'One per line; empty = all'}
            error={fieldProps('options.include').error ?? false}
            multiline
            minRows={2}
            fullWidth
          />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <TextField
            label="Exclude (globs)"
            value={value.excludeText}
            onChange={(event) => set('excludeText', event.target.value)}
            placeholder={'tmp/**\n*.log'}
            helperText={fieldProps('options.exclude').helperText ?? 'One per line'}
            error={fieldProps('options.exclude').error ?? false}
            multiline
            minRows={2}
            fullWidth
          />
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <TextField
            select
            label="Existing objects"
            value={value.overwrite}
            onChange={(event) =>
              set('overwrite', event.target.value as MigrationOptions['overwrite'])
            }
            fullWidth
          >
            {Object.entries(OVERWRITE_LABEL).map(([key, label]) => (
              <MenuItem key={key} value={key}>
                {label}
              </MenuItem>
            ))}
          </TextField>
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <TextField
            select
            label="Storage class"
            value={value.storageClass ?? ''}
            slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
            onChange={(event) =>
              set(
                'storageClass',
                event.target.value === '' ? null : MigrationStorageClass.parse(event.target.value),
              )
            }
            fullWidth
          >
            <MenuItem value="">The bucket's default</MenuItem>
            {MigrationStorageClass.options.map((storageClass) => (
              <MenuItem key={storageClass} value={storageClass}>
                {storageClass}
              </MenuItem>
            ))}
          </TextField>
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <TextField
            select
            label="Encryption at the destination"
            value={value.sse.mode}
            onChange={(event) =>
              set('sse', {
                mode: event.target.value as MigrationOptions['sse']['mode'],
                kmsKeyId: event.target.value === 'aws:kms' ? value.sse.kmsKeyId : null,
              })
            }
            fullWidth
          >
            <MenuItem value="none">The bucket's default</MenuItem>
            <MenuItem value="AES256">SSE-S3 (AES256)</MenuItem>
            <MenuItem value="aws:kms">SSE-KMS</MenuItem>
          </TextField>
        </Grid>
        {value.sse.mode === 'aws:kms' && (
          <Grid size={12}>
            <TextField
              label="KMS key (ARN, id or alias)"
              value={value.sse.kmsKeyId ?? ''}
              onChange={(event) =>
                set('sse', { mode: 'aws:kms', kmsKeyId: event.target.value || null })
              }
              helperText={
                fieldProps('options.sse.kmsKeyId').helperText ??
                "Empty = the connection's key or the bucket's default"
              }
              error={fieldProps('options.sse.kmsKeyId').error ?? false}
              fullWidth
            />
          </Grid>
        )}
        <Grid size={{ xs: 12, md: 6 }}>
          <TextField
            label="Concurrency (objects at once)"
            type="number"
            value={value.concurrency}
            onChange={(event) => set('concurrency', Number(event.target.value))}
            slotProps={{ htmlInput: { min: 1, max: 256 } }}
            {...fieldProps('options.concurrency')}
            fullWidth
          />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <TextField
            label="Bandwidth cap (MiB/s)"
            type="number"
            value={value.bandwidthMiBps ?? ''}
            onChange={(event) =>
              set('bandwidthMiBps', event.target.value === '' ? null : Number(event.target.value))
            }
            helperText={fieldProps('options.bandwidthMiBps').helperText ?? 'Empty = no cap'}
            error={fieldProps('options.bandwidthMiBps').error ?? false}
            slotProps={{ htmlInput: { min: 0.1, step: 'any' } }}
            fullWidth
          />
        </Grid>
      </Grid>
      <Stack direction="row" sx={{ flexWrap: 'wrap', columnGap: 2 }}>
        {toggle('skipIdentical', 'Skip objects already identical (size + ETag)')}
        {toggle('preserveMetadata', 'Keep metadata and content headers')}
        {toggle('preserveTags', 'Keep tags')}
        {toggle('dryRun', 'Dry run (plan only: counts and bytes, writes nothing)')}
      </Stack>
    </Stack>
  );
}

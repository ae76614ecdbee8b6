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
import { useTranslation } from 'react-i18next';
import { MigrationStorageClass, type MigrationOptions } from '@s3am/contracts';

const OVERWRITE: MigrationOptions['overwrite'][] = ['skip', 'if_different', 'always'];

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
  const { t } = useTranslation();
  const set = <K extends keyof OptionsValue>(key: K, next: OptionsValue[K]) =>
    onChange({ ...value, [key]: next });
  const toggle = (key: 'skipIdentical' | 'preserveMetadata' | 'preserveTags' | 'dryRun') => (
    <FormControlLabel
      control={<Switch checked={value[key]} onChange={(event) => set(key, event.target.checked)} />}
      label={t(`migrations.options.${key}`)}
    />
  );
  return (
    <Stack spacing={2}>
      <Typography variant="subtitle1" component="h2">
        {t('migrations.options.title')}
      </Typography>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 6 }}>
          <TextField
            label={t('migrations.options.include')}
            value={value.includeText}
            onChange={(event) => set('includeText', event.target.value)}
            placeholder={'*.csv\nreports/**'}
            helperText={
              fieldProps('options.include').helperText ?? t('migrations.options.includeHelp')
            }
            error={fieldProps('options.include').error ?? false}
            multiline
            minRows={2}
            fullWidth
          />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <TextField
            label={t('migrations.options.exclude')}
            value={value.excludeText}
            onChange={(event) => set('excludeText', event.target.value)}
            placeholder={'tmp/**\n*.log'}
            helperText={
              fieldProps('options.exclude').helperText ?? t('migrations.options.excludeHelp')
            }
            error={fieldProps('options.exclude').error ?? false}
            multiline
            minRows={2}
            fullWidth
          />
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <TextField
            select
            label={t('migrations.options.existing')}
            value={value.overwrite}
            onChange={(event) =>
              set('overwrite', event.target.value as MigrationOptions['overwrite'])
            }
            fullWidth
          >
            {OVERWRITE.map((overwrite) => (
              <MenuItem key={overwrite} value={overwrite}>
                {t(`migrations.options.overwrite.${overwrite}`)}
              </MenuItem>
            ))}
          </TextField>
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <TextField
            select
            label={t('migrations.options.storageClass')}
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
            <MenuItem value="">{t('migrations.options.bucketDefault')}</MenuItem>
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
            label={t('migrations.options.encryption')}
            value={value.sse.mode}
            onChange={(event) =>
              set('sse', {
                mode: event.target.value as MigrationOptions['sse']['mode'],
                kmsKeyId: event.target.value === 'aws:kms' ? value.sse.kmsKeyId : null,
              })
            }
            fullWidth
          >
            <MenuItem value="none">{t('migrations.options.bucketDefault')}</MenuItem>
            <MenuItem value="AES256">SSE-S3 (AES256)</MenuItem>
            <MenuItem value="aws:kms">SSE-KMS</MenuItem>
          </TextField>
        </Grid>
        {value.sse.mode === 'aws:kms' && (
          <Grid size={12}>
            <TextField
              label={t('migrations.options.kmsKey')}
              value={value.sse.kmsKeyId ?? ''}
              onChange={(event) =>
                set('sse', { mode: 'aws:kms', kmsKeyId: event.target.value || null })
              }
              helperText={
                fieldProps('options.sse.kmsKeyId').helperText ?? t('migrations.options.kmsKeyHelp')
              }
              error={fieldProps('options.sse.kmsKeyId').error ?? false}
              fullWidth
            />
          </Grid>
        )}
        <Grid size={{ xs: 12, md: 6 }}>
          <TextField
            label={t('migrations.options.concurrency')}
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
            label={t('migrations.options.bandwidth')}
            type="number"
            value={value.bandwidthMiBps ?? ''}
            onChange={(event) =>
              set('bandwidthMiBps', event.target.value === '' ? null : Number(event.target.value))
            }
            helperText={
              fieldProps('options.bandwidthMiBps').helperText ??
              t('migrations.options.bandwidthHelp')
            }
            error={fieldProps('options.bandwidthMiBps').error ?? false}
            slotProps={{ htmlInput: { min: 0.1, step: 'any' } }}
            fullWidth
          />
        </Grid>
      </Grid>
      <Stack direction="row" sx={{ flexWrap: 'wrap', columnGap: 2 }}>
        {toggle('skipIdentical')}
        {toggle('preserveMetadata')}
        {toggle('preserveTags')}
        {toggle('dryRun')}
      </Stack>
    </Stack>
  );
}

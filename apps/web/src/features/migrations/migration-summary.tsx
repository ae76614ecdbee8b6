// What a job copies and how (never any secret: the API sends connection names, not credentials).
import { Box, Chip, Stack, Typography } from '@mui/material';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { MigrationView } from '@s3am/contracts';
import { formatDateTime, formatNumber } from '../i18n/intl-format';
import { locationText } from './migration-display';

function optionChips(options: MigrationView['options'], t: TFunction): string[] {
  const chips = [
    options.dryRun ? t('migrations.summary.dryRun') : null,
    options.include.length
      ? t('migrations.summary.include', { globs: options.include.join(', ') })
      : null,
    options.exclude.length
      ? t('migrations.summary.exclude', { globs: options.exclude.join(', ') })
      : null,
    options.skipIdentical ? t('migrations.summary.skipIdentical') : null,
    t(`migrations.summary.existing.${options.overwrite}`),
    options.storageClass
      ? t('migrations.summary.storageClass', { storageClass: options.storageClass })
      : null,
    options.sse.mode === 'AES256' ? 'SSE-S3' : null,
    options.sse.mode === 'aws:kms'
      ? `SSE-KMS${options.sse.kmsKeyId ? ` ${options.sse.kmsKeyId}` : ''}`
      : null,
    options.preserveMetadata
      ? t('migrations.summary.keepsMetadata')
      : t('migrations.summary.dropsMetadata'),
    options.preserveTags ? t('migrations.summary.keepsTags') : t('migrations.summary.dropsTags'),
    t('migrations.summary.concurrency', { count: options.concurrency }),
    options.bandwidthMiBps
      ? t('migrations.summary.cap', { speed: formatNumber(options.bandwidthMiBps, 1) })
      : null,
  ];
  return chips.filter((chip): chip is string => chip !== null);
}

export function MigrationSummary({ migration }: { migration: MigrationView }) {
  const { t } = useTranslation();
  return (
    <Box component="section" aria-label={t('migrations.summary.label')}>
      <Typography variant="body1" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
        {locationText(migration.source)} → {locationText(migration.destination)}
      </Typography>
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5, mt: 1 }}>
        {optionChips(migration.options, t).map((chip) => (
          <Chip key={chip} size="small" variant="outlined" label={chip} />
        ))}
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        {t('migrations.summary.startedBy', {
          who: migration.startedBy.email ?? t('migrations.summary.removedUser'),
          when: formatDateTime(migration.createdAt),
        })}
        {migration.rerunOf ? t('migrations.summary.rerun') : ''}
      </Typography>
    </Box>
  );
}

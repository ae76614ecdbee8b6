// What a job copies and how (never any secret: the API sends connection names, not credentials).
import { Box, Chip, Stack, Typography } from '@mui/material';
import type { MigrationView } from '@s3am/contracts';
import { locationText } from './migration-display';

function optionChips(options: MigrationView['options']): string[] {
  const chips = [
    options.dryRun ? 'Dry run' : null,
    options.include.length ? `Include ${options.include.join(', ')}` : null,
    options.exclude.length ? `Exclude ${options.exclude.join(', ')}` : null,
    options.skipIdentical ? 'Skip identical' : null,
    `Existing: ${options.overwrite === 'if_different' ? 'replace if different' : options.overwrite === 'always' ? 'always replace' : 'never replace'}`,
    options.storageClass ? `Storage class ${options.storageClass}` : null,
    options.sse.mode === 'AES256' ? 'SSE-S3' : null,
    options.sse.mode === 'aws:kms'
      ? `SSE-KMS${options.sse.kmsKeyId ? ` ${options.sse.kmsKeyId}` : ''}`
      : null,
    options.preserveMetadata ? 'Keeps metadata' : 'Drops metadata',
    options.preserveTags ? 'Keeps tags' : 'Drops tags',
    `Concurrency ${options.concurrency}`,
    options.bandwidthMiBps ? `Cap ${options.bandwidthMiBps} MiB/s` : null,
  ];
  return chips.filter((chip): chip is string => chip !== null);
}

export function MigrationSummary({ migration }: { migration: MigrationView }) {
  return (
    <Box component="section" aria-label="Configuration">
      <Typography variant="body1" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
        {locationText(migration.source)} → {locationText(migration.destination)}
      </Typography>
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5, mt: 1 }}>
        {optionChips(migration.options).map((chip) => (
          <Chip key={chip} size="small" variant="outlined" label={chip} />
        ))}
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        Started by {migration.startedBy.email ?? 'a removed user'} ·{' '}
        {new Date(migration.createdAt).toLocaleString()}
        {migration.rerunOf ? ' · incremental re-run' : ''}
      </Typography>
    </Box>
  );
}

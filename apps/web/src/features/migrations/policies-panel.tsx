// The IAM policies a job between two locations needs, asked from the API as the form changes:
// the destination identity's policy and, across accounts, the source bucket policy statement.
import { Alert, Box, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CreateMigrationRequest, type MigrationPolicies } from '@s3am/contracts';
import { api } from '../../api/api-client';
import { problemMessage } from '../../api/problem';
import { JsonBlock } from '../connections/json-block';

const DEBOUNCE_MS = 400;

export function PoliciesPanel({ request }: { request: CreateMigrationRequest | null }) {
  const { t } = useTranslation();
  const [policies, setPolicies] = useState<MigrationPolicies | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = request ? JSON.stringify(request) : null;

  useEffect(() => {
    if (!key) {
      setPolicies(null);
      return undefined;
    }
    let current = true;
    const timer = setTimeout(() => {
      // The key is the request as JSON: the effect runs again only when its content changed.
      api
        .migrationPoliciesFor({ body: JSON.parse(key) as CreateMigrationRequest })
        .then((answer) => {
          if (!current) return;
          setPolicies(answer);
          setError(null);
        })
        .catch((caught: unknown) => {
          if (current) setError(problemMessage(caught));
        });
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key]);

  return (
    <Stack spacing={2} component="section" aria-labelledby="migration-policies">
      <Typography variant="subtitle1" component="h2" id="migration-policies">
        {t('migrations.policies.title')}
      </Typography>
      {!request && (
        <Typography variant="body2" color="text.secondary">
          {t('migrations.policies.chooseFirst')}
        </Typography>
      )}
      {error && <Alert severity="warning">{error}</Alert>}
      {request && policies && (
        <>
          <Box>
            <Typography variant="body2" sx={{ mb: 1 }}>
              {t('migrations.policies.identityBefore')}
              <strong>{t('migrations.policies.identityStrong')}</strong>
              {t('migrations.policies.identityAfter')}
            </Typography>
            <JsonBlock
              label={t('migrations.policies.identityLabel')}
              value={policies.destinationIdentityPolicy}
            />
          </Box>
          {policies.crossAccount && policies.sourceBucketPolicy && (
            <Box>
              <Typography variant="body2" sx={{ mb: 1 }}>
                {t('migrations.policies.crossAccountBefore')}
                <strong>{t('migrations.policies.crossAccountStrong')}</strong>
                {t('migrations.policies.crossAccountAfter')}
              </Typography>
              <JsonBlock
                label={t('migrations.policies.sourceBucketLabel')}
                value={policies.sourceBucketPolicy}
              />
            </Box>
          )}
          {policies.notes.length > 0 && (
            <Alert severity="info">
              <Box component="ul" sx={{ m: 0, pl: 2 }}>
                {policies.notes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </Box>
            </Alert>
          )}
        </>
      )}
    </Stack>
  );
}

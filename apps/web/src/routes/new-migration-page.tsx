// Define a migration job (admins): source and destination, options, the IAM policies the job
// needs, and a check of both locations (HeadBucket + ListObjectsV2 each, explained on failure)
// before anything starts.
import { Alert, AlertTitle, Box, Button, Divider, Paper, Stack, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import {
  MigrationOptions,
  type CreateMigrationRequest,
  type MigrationValidation,
} from '@s3am/contracts';
import { api } from '../api/api-client';
import { AsyncButton } from '../features/common/async-button';
import { useApiQuery } from '../features/common/use-api-query';
import { useFormProblem } from '../features/common/use-form-problem';
import { FailureAlert } from '../features/connections/failure-alert';
import {
  EMPTY_LOCATION,
  LocationFields,
  type LocationValue,
} from '../features/migrations/location-fields';
import { OptionsFields, globsFrom, type OptionsValue } from '../features/migrations/options-fields';
import { PoliciesPanel } from '../features/migrations/policies-panel';
import { useTranslation } from 'react-i18next';

const DEFAULTS = MigrationOptions.parse({});
const FIELDS = [
  'source.connectionId',
  'source.bucket',
  'source.prefix',
  'destination.connectionId',
  'destination.bucket',
  'destination.prefix',
  'options.include',
  'options.exclude',
  'options.sse.kmsKeyId',
  'options.concurrency',
  'options.bandwidthMiBps',
] as const;

function requestFrom(
  source: LocationValue,
  destination: LocationValue,
  options: OptionsValue,
): CreateMigrationRequest | null {
  if (!source.connectionId || !source.bucket || !destination.connectionId || !destination.bucket)
    return null;
  const { includeText, excludeText, ...rest } = options;
  return {
    source,
    destination,
    options: { ...rest, include: globsFrom(includeText), exclude: globsFrom(excludeText) },
  };
}

const CALL_LABEL = { HeadBucket: 'HeadBucket', ListObjectsV2: 'ListObjectsV2' } as const;

function ValidationResult({ validation }: { validation: MigrationValidation }) {
  const { t } = useTranslation();
  if (validation.ok)
    return (
      <Alert severity="success">
        {t('migrations.check.passed', { count: validation.checks.length })}
      </Alert>
    );
  return (
    <Stack spacing={1}>
      {validation.checks
        .filter((check) => !check.ok)
        .map((check) => (
          <Box key={`${check.side}-${check.call}`}>
            <Typography variant="body2" sx={{ mb: 0.5 }}>
              {t('migrations.check.failed', {
                side: t(`migrations.location.${check.side}.title`),
                call: CALL_LABEL[check.call],
              })}
            </Typography>
            <FailureAlert failure={check.failure} fallback={t('migrations.check.fallback')} />
          </Box>
        ))}
    </Stack>
  );
}

export function NewMigrationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const connections = useApiQuery(async () => (await api.listConnections()).items, []);
  const [source, setSource] = useState<LocationValue>(EMPTY_LOCATION);
  const [destination, setDestination] = useState<LocationValue>(EMPTY_LOCATION);
  const [options, setOptions] = useState<OptionsValue>({
    ...DEFAULTS,
    includeText: '',
    excludeText: '',
  });
  const [validation, setValidation] = useState<MigrationValidation | null>(null);
  const problem = useFormProblem();
  const request = useMemo(
    () => requestFrom(source, destination, options),
    [source, destination, options],
  );

  const validate = async (): Promise<MigrationValidation | null> => {
    if (!request) {
      problem.setMessage(t('migrations.check.chooseBoth'));
      return null;
    }
    problem.setMessage(null);
    try {
      const result = await api.validateMigration({ body: request });
      setValidation(result);
      return result;
    } catch (caught) {
      setValidation(null);
      problem.show(caught, FIELDS);
      return null;
    }
  };

  const start = async () => {
    const checked = await validate();
    if (!checked?.ok || !request) return;
    try {
      const created = await api.createMigration({ body: request });
      await navigate(`/migrations/${created.id}`);
    } catch (caught) {
      problem.show(caught, FIELDS);
    }
  };

  const list = connections.data ?? [];
  return (
    <Box component="form" onSubmit={(event) => event.preventDefault()} noValidate>
      <Stack direction="row" sx={{ alignItems: 'center', mb: 3 }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          {t('migrations.newTitle')}
        </Typography>
        <Button component={RouterLink} to="/migrations">
          {t('migrations.backToJobs')}
        </Button>
      </Stack>
      {connections.error && <Alert severity="error">{connections.error}</Alert>}
      <Paper variant="outlined" sx={{ p: 3 }}>
        <Stack spacing={3}>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={3}>
            <LocationFields
              side="source"
              value={source}
              onChange={(next) => {
                setSource(next);
                setValidation(null);
              }}
              connections={list}
              fieldProps={problem.fieldProps}
            />
            <LocationFields
              side="destination"
              value={destination}
              onChange={(next) => {
                setDestination(next);
                setValidation(null);
              }}
              connections={list}
              fieldProps={problem.fieldProps}
            />
          </Stack>
          <Divider />
          <OptionsFields value={options} onChange={setOptions} fieldProps={problem.fieldProps} />
          <Divider />
          <PoliciesPanel request={request} />
          <Divider />
          {problem.message && (
            <Alert severity="error">
              <AlertTitle>{t('migrations.cannotStart')}</AlertTitle>
              {problem.message}
            </Alert>
          )}
          {validation && <ValidationResult validation={validation} />}
          <Stack direction="row" spacing={2} sx={{ justifyContent: 'flex-end' }}>
            <AsyncButton variant="outlined" onClick={validate}>
              {t('migrations.checkLocations')}
            </AsyncButton>
            <AsyncButton variant="contained" type="submit" onClick={start}>
              {options.dryRun ? t('migrations.startDryRun') : t('migrations.start')}
            </AsyncButton>
          </Stack>
        </Stack>
      </Paper>
    </Box>
  );
}

// An S3 failure as the API explains it: a message and the checks worth making.
import { Alert, AlertTitle, Box } from '@mui/material';
import type { ConnectionTestResult } from '@s3am/contracts';

export type ExplainedFailure = NonNullable<ConnectionTestResult['failure']>;

export function FailureAlert({
  failure,
  fallback,
}: {
  failure: ExplainedFailure | undefined;
  fallback: string;
}) {
  return (
    <Alert severity="error">
      <AlertTitle>{failure?.message ?? fallback}</AlertTitle>
      {failure?.hints.length ? (
        <Box component="ul" sx={{ m: 0, pl: 2 }}>
          {failure.hints.map((hint) => (
            <li key={hint}>{hint}</li>
          ))}
        </Box>
      ) : null}
    </Alert>
  );
}

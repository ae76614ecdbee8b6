// Two-factor authentication: set up with a QR code, confirm with a code, manage recovery codes.
import VerifiedUserOutlined from '@mui/icons-material/VerifiedUserOutlined';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import type { TotpSetupResponse } from '@s3am/contracts';
import { api } from '../../api/api-client';
import { problemMessage } from '../../api/problem';
import { useAuth } from '../auth/auth-context';
import { CopyField } from '../common/copy-field';
import { RecoveryCodes } from './recovery-codes';

type Step =
  | { kind: 'idle' }
  | { kind: 'scan'; setup: TotpSetupResponse }
  | { kind: 'codes'; codes: string[] }
  | { kind: 'disable' };

export function TwoFactorCard() {
  const { user, setUser } = useAuth();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!user) return null;

  const run = async (action: () => Promise<void>) => {
    setError(null);
    try {
      await action();
      setCode('');
      setPassword('');
    } catch (caught) {
      setError(problemMessage(caught));
    }
  };
  const start = () =>
    run(async () =>
      setStep({
        kind: 'scan',
        setup: await api.setUpTotp(),
      }),
    );
  const confirm = () =>
    run(async () => {
      const { recoveryCodes } = await api.enableTotp({ body: { code } });
      setUser({ ...user, totpEnabled: true, mustEnrollTotp: false });
      setStep({ kind: 'codes', codes: recoveryCodes });
    });
  const regenerate = () =>
    run(async () =>
      setStep({
        kind: 'codes',
        codes: (await api.regenerateRecoveryCodes({ body: { code } })).recoveryCodes,
      }),
    );
  const disable = () =>
    run(async () => {
      await api.disableTotp({ body: { password, code } });
      setUser({ ...user, totpEnabled: false });
      setStep({ kind: 'idle' });
    });

  return (
    <Card id="two-factor">
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
          <VerifiedUserOutlined color="primary" />
          <Typography variant="h6" component="h2">
            Two-factor authentication
          </Typography>
          <Chip
            size="small"
            label={user.totpEnabled ? 'On' : 'Off'}
            color={user.totpEnabled ? 'success' : 'default'}
          />
        </Stack>
        {user.mustEnrollTotp && (
          <Alert severity="warning" sx={{ mb: 2 }}>
            Admins on this server must use two-factor authentication. Set it up to continue.
          </Alert>
        )}
        {error && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {error}
          </Alert>
        )}

        {step.kind === 'codes' && (
          <RecoveryCodes codes={step.codes} onDone={() => setStep({ kind: 'idle' })} />
        )}

        {step.kind === 'scan' && (
          <Stack spacing={2}>
            <Typography>
              Scan this code with an authenticator app (Google Authenticator, 1Password, Aegis…),
              then enter the six-digit code it shows.
            </Typography>
            <Box
              component="img"
              src={step.setup.qrCodeDataUrl}
              alt="QR code for your authenticator app"
              sx={{
                width: 200,
                height: 200,
                alignSelf: 'center',
                borderRadius: 1,
                bgcolor: '#fff',
                p: 1,
              }}
            />
            <CopyField label="Secret key (to type in by hand)" value={step.setup.secret} />
            <Stack direction="row" spacing={1}>
              <TextField
                label="Code from the app"
                value={code}
                onChange={(e) => setCode(e.target.value)}
                slotProps={{ htmlInput: { inputMode: 'numeric', autoComplete: 'one-time-code' } }}
                sx={{ flexGrow: 1 }}
              />
              <Button variant="contained" onClick={() => void confirm()} disabled={code.length < 6}>
                Turn on
              </Button>
            </Stack>
          </Stack>
        )}

        {step.kind === 'idle' && !user.totpEnabled && (
          <Stack spacing={2} sx={{ alignItems: 'flex-start' }}>
            <Typography color="text.secondary">
              Protect your account with a code from your phone in addition to your password.
            </Typography>
            <Button variant="contained" onClick={() => void start()}>
              Set up two-factor authentication
            </Button>
          </Stack>
        )}

        {(step.kind === 'idle' || step.kind === 'disable') && user.totpEnabled && (
          <Stack spacing={2}>
            <Typography color="text.secondary">
              Sign-in asks for a code from your authenticator app. Enter a current code to replace
              your recovery codes or to turn this off.
            </Typography>
            <TextField
              label="Current code"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              slotProps={{ htmlInput: { autoComplete: 'one-time-code' } }}
            />
            {step.kind === 'disable' && (
              <TextField
                label="Your password"
                type="password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            )}
            <Stack direction="row" spacing={1}>
              <Button
                onClick={() => void regenerate()}
                disabled={code.length < 6 || step.kind === 'disable'}
              >
                New recovery codes
              </Button>
              {step.kind === 'disable' ? (
                <Button
                  color="error"
                  variant="contained"
                  onClick={() => void disable()}
                  disabled={!password || code.length < 6}
                >
                  Turn off
                </Button>
              ) : (
                <Button color="error" onClick={() => setStep({ kind: 'disable' })}>
                  Turn off…
                </Button>
              )}
            </Stack>
          </Stack>
        )}
      </CardContent>
    </Card>
  );
}

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
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation();
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
            {t('account.twoFactor.title')}
          </Typography>
          <Chip
            size="small"
            label={user.totpEnabled ? t('account.twoFactor.on') : t('account.twoFactor.off')}
            color={user.totpEnabled ? 'success' : 'default'}
          />
        </Stack>
        {user.mustEnrollTotp && (
          <Alert severity="warning" sx={{ mb: 2 }}>
            {t('account.twoFactor.mustEnroll')}
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
            <Typography>{t('account.twoFactor.scan')}</Typography>
            <Box
              component="img"
              src={step.setup.qrCodeDataUrl}
              alt={t('account.twoFactor.qrAlt')}
              sx={{
                width: 200,
                height: 200,
                alignSelf: 'center',
                borderRadius: 1,
                bgcolor: '#fff',
                p: 1,
              }}
            />
            <CopyField label={t('account.twoFactor.secret')} value={step.setup.secret} />
            <Stack direction="row" spacing={1}>
              <TextField
                label={t('account.twoFactor.codeFromApp')}
                value={code}
                onChange={(e) => setCode(e.target.value)}
                slotProps={{ htmlInput: { inputMode: 'numeric', autoComplete: 'one-time-code' } }}
                sx={{ flexGrow: 1 }}
              />
              <Button variant="contained" onClick={() => void confirm()} disabled={code.length < 6}>
                {t('account.twoFactor.turnOn')}
              </Button>
            </Stack>
          </Stack>
        )}

        {step.kind === 'idle' && !user.totpEnabled && (
          <Stack spacing={2} sx={{ alignItems: 'flex-start' }}>
            <Typography color="text.secondary">{t('account.twoFactor.protect')}</Typography>
            <Button variant="contained" onClick={() => void start()}>
              {t('account.twoFactor.setUp')}
            </Button>
          </Stack>
        )}

        {(step.kind === 'idle' || step.kind === 'disable') && user.totpEnabled && (
          <Stack spacing={2}>
            <Typography color="text.secondary">{t('account.twoFactor.enabledHint')}</Typography>
            <TextField
              label={t('account.twoFactor.currentCode')}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              slotProps={{ htmlInput: { autoComplete: 'one-time-code' } }}
            />
            {step.kind === 'disable' && (
              <TextField
                label={t('account.twoFactor.yourPassword')}
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
                {t('account.twoFactor.newRecoveryCodes')}
              </Button>
              {step.kind === 'disable' ? (
                <Button
                  color="error"
                  variant="contained"
                  onClick={() => void disable()}
                  disabled={!password || code.length < 6}
                >
                  {t('account.twoFactor.turnOff')}
                </Button>
              ) : (
                <Button color="error" onClick={() => setStep({ kind: 'disable' })}>
                  {t('account.twoFactor.turnOffEllipsis')}
                </Button>
              )}
            </Stack>
          </Stack>
        )}
      </CardContent>
    </Card>
  );
}

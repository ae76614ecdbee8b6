// Shows how guessable a new password is while it is typed: a bar, a label, and zxcvbn's warning
// and suggestions (the same ones the API answers with when it refuses the password).
import { Box, LinearProgress, Typography } from '@mui/material';
import type { PasswordStrengthState } from './use-password-strength';
import { useTranslation } from 'react-i18next';

const COLORS = ['error', 'error', 'warning', 'success', 'success'] as const;

export function PasswordStrengthMeter({ state }: { state: PasswordStrengthState }) {
  const { strength } = state;
  const { t } = useTranslation();
  if (!strength) return null;
  const label = t(`password.strength.levels.${strength.score}`);
  return (
    <Box data-testid="password-strength" aria-live="polite">
      <LinearProgress
        variant="determinate"
        value={(strength.score + 1) * 20}
        color={COLORS[strength.score]}
        aria-label={t('password.strength.label', { label })}
        sx={{ height: 6, borderRadius: 3 }}
      />
      <Typography variant="caption" color={strength.acceptable ? 'success.main' : 'error'}>
        {t('password.strength.text', { label })}
        {strength.acceptable ? '' : t('password.strength.notAccepted')}
      </Typography>
      {!strength.acceptable && (strength.warning || strength.suggestions.length > 0) && (
        <Box component="ul" sx={{ m: 0, pl: 2.5, color: 'text.secondary' }}>
          {[strength.warning, ...strength.suggestions]
            .filter((line): line is string => Boolean(line))
            .map((line) => (
              <Typography component="li" variant="caption" key={line} sx={{ display: 'list-item' }}>
                {line}
              </Typography>
            ))}
        </Box>
      )}
    </Box>
  );
}

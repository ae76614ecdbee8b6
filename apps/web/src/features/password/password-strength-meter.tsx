// Shows how guessable a new password is while it is typed: a bar, a label, and zxcvbn's warning
// and suggestions (the same ones the API answers with when it refuses the password).
import { Box, LinearProgress, Typography } from '@mui/material';
import type { PasswordStrengthState } from './use-password-strength';

const LABELS = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'] as const;
const COLORS = ['error', 'error', 'warning', 'success', 'success'] as const;

export function PasswordStrengthMeter({ state }: { state: PasswordStrengthState }) {
  const { strength } = state;
  if (!strength) return null;
  const label = LABELS[strength.score];
  return (
    <Box data-testid="password-strength" aria-live="polite">
      <LinearProgress
        variant="determinate"
        value={(strength.score + 1) * 20}
        color={COLORS[strength.score]}
        aria-label={`Password strength: ${label}`}
        sx={{ height: 6, borderRadius: 3 }}
      />
      <Typography variant="caption" color={strength.acceptable ? 'success.main' : 'error'}>
        Strength: {label}
        {strength.acceptable ? '' : ' — not accepted yet'}
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

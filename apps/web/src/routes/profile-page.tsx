// My account: password, two-factor authentication, API tokens, sessions.
import LockResetOutlined from '@mui/icons-material/LockResetOutlined';
import { Button, Card, CardContent, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../features/auth/auth-context';
import { ApiTokensCard } from '../features/profile/api-tokens-card';
import { SessionsCard } from '../features/profile/sessions-card';
import { TwoFactorCard } from '../features/profile/two-factor-card';

export function ProfilePage() {
  const { user } = useAuth();
  const { t } = useTranslation();
  return (
    <Stack spacing={3} sx={{ maxWidth: 860 }}>
      <div>
        <Typography variant="h5" component="h1">
          {t('profile.title')}
        </Typography>
        <Typography color="text.secondary">
          {user?.email} · {user && t(`common.roles.${user.role}`)}
        </Typography>
      </div>
      <Card>
        <CardContent>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <LockResetOutlined color="primary" />
            <Typography variant="h6" component="h2" sx={{ flexGrow: 1 }}>
              {t('profile.password')}
            </Typography>
            <Button component={Link} to="/change-password" variant="outlined">
              {t('profile.changePassword')}
            </Button>
          </Stack>
        </CardContent>
      </Card>
      <TwoFactorCard />
      {!user?.mustEnrollTotp && (
        <>
          <ApiTokensCard />
          <SessionsCard />
        </>
      )}
    </Stack>
  );
}

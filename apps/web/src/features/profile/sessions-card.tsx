// My signed-in devices: where and when, with sign-out per device and everywhere.
import DevicesOutlined from '@mui/icons-material/DevicesOutlined';
import {
  Alert,
  Button,
  Card,
  CardContent,
  Chip,
  List,
  ListItem,
  ListItemText,
  Stack,
  Typography,
} from '@mui/material';
import { useNavigate } from 'react-router';
import { api } from '../../api/api-client';
import { useAuth } from '../auth/auth-context';
import { useApiQuery } from '../common/use-api-query';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../i18n/intl-format';

export function SessionsCard() {
  const { signOut } = useAuth();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data, error, reload } = useApiQuery(async () => (await api.listMySessions()).items, []);

  const revoke = async (id: string) => {
    await api.endMySession({ params: { id } });
    await reload();
  };
  const everywhere = async () => {
    await api.endMyOtherSessions();
    await signOut();
    await navigate('/login', { replace: true });
  };

  return (
    <Card>
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
          <DevicesOutlined color="primary" />
          <Typography variant="h6" component="h2" sx={{ flexGrow: 1 }}>
            {t('account.sessions.title')}
          </Typography>
          <Button color="error" onClick={() => void everywhere()}>
            {t('account.sessions.everywhere')}
          </Button>
        </Stack>
        {error && <Alert severity="error">{error}</Alert>}
        <List dense aria-label={t('account.sessions.label')}>
          {(data ?? []).map((session) => (
            <ListItem
              key={session.id}
              divider
              secondaryAction={
                session.current ? (
                  <Chip size="small" label={t('account.sessions.thisDevice')} color="primary" />
                ) : (
                  <Button size="small" onClick={() => void revoke(session.id)}>
                    {t('account.sessions.signOut')}
                  </Button>
                )
              }
            >
              <ListItemText
                primary={session.userAgent ?? t('account.sessions.unknownDevice')}
                secondary={t('account.sessions.line', {
                  ip: session.ip ?? t('account.sessions.unknownIp'),
                  lastSeen: formatDateTime(session.lastSeenAt),
                  created: formatDateTime(session.createdAt),
                })}
                slotProps={{ primary: { noWrap: true, sx: { pr: 12 } } }}
              />
            </ListItem>
          ))}
        </List>
      </CardContent>
    </Card>
  );
}

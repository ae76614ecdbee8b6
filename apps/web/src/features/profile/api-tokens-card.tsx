// Personal API tokens for scripts and the CLI: create (shown once), list, revoke.
import KeyOutlined from '@mui/icons-material/KeyOutlined';
import {
  Alert,
  Button,
  Card,
  CardContent,
  Checkbox,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  FormGroup,
  List,
  ListItem,
  ListItemText,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { type ApiTokenScope } from '@s3am/contracts';
import { api } from '../../api/api-client';
import { problemMessage } from '../../api/problem';
import { useAuth } from '../auth/auth-context';
import { CopyField } from '../common/copy-field';
import { formDialogPaper } from '../common/form-dialog-paper';
import { useApiQuery } from '../common/use-api-query';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../i18n/i18n';
import { formatDateTime } from '../i18n/intl-format';

const EXPIRY_CHOICES = [
  { label: 'account.tokens.days7', days: 7 },
  { label: 'account.tokens.days30', days: 30 },
  { label: 'account.tokens.days90', days: 90 },
  { label: 'account.tokens.year1', days: 365 },
  { label: 'account.tokens.never', days: null },
] as const;

export function ApiTokensCard() {
  const { user } = useAuth();
  const { t } = useTranslation();
  const { data, error, reload } = useApiQuery(async () => (await api.listMyTokens()).items, []);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiTokenScope[]>(['read']);
  const [expiry, setExpiry] = useState<number | null>(90);
  const [created, setCreated] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const available: ApiTokenScope[] =
    user?.role === 'admin' ? ['read', 'write', 'admin'] : ['read', 'write'];

  const create = async () => {
    setFormError(null);
    try {
      const response = await api.createMyToken({
        body: { name, scopes, expiresInDays: expiry },
      });
      setCreated(response.token);
      await reload();
    } catch (caught) {
      setFormError(problemMessage(caught));
    }
  };
  const close = () => {
    setOpen(false);
    setCreated(null);
    setName('');
  };

  return (
    <Card>
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
          <KeyOutlined color="primary" />
          <Typography variant="h6" component="h2" sx={{ flexGrow: 1 }}>
            {t('account.tokens.title')}
          </Typography>
          <Button variant="outlined" onClick={() => setOpen(true)}>
            {t('account.tokens.new')}
          </Button>
        </Stack>
        {error && <Alert severity="error">{error}</Alert>}
        {data?.length === 0 && (
          <Typography color="text.secondary">{t('account.tokens.none')}</Typography>
        )}
        <List dense aria-label={t('account.tokens.label')}>
          {(data ?? []).map((token) => (
            <ListItem
              key={token.id}
              divider
              secondaryAction={
                !token.revokedAt && (
                  <Button
                    size="small"
                    color="error"
                    onClick={() =>
                      void api.revokeMyToken({ params: { id: token.id } }).then(reload)
                    }
                  >
                    {t('account.tokens.revoke')}
                  </Button>
                )
              }
            >
              <ListItemText
                primary={
                  <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                    <span>{token.name}</span>
                    {token.scopes.map((scope) => (
                      <Chip key={scope} label={scope} size="small" variant="outlined" />
                    ))}
                    {token.revokedAt && (
                      <Chip label={t('account.tokens.revoked')} size="small" color="error" />
                    )}
                  </Stack>
                }
                secondary={t('account.tokens.line', {
                  prefix: token.prefix,
                  expiry: token.expiresAt
                    ? t('account.tokens.expires', {
                        date: new Date(token.expiresAt).toLocaleDateString(currentLocale()),
                      })
                    : t('account.tokens.neverExpires'),
                  use: token.lastUsedAt
                    ? t('account.tokens.lastUsed', { when: formatDateTime(token.lastUsedAt) })
                    : t('account.tokens.neverUsed'),
                })}
              />
            </ListItem>
          ))}
        </List>
      </CardContent>
      <Dialog
        open={open}
        onClose={close}
        fullWidth
        maxWidth="sm"
        slotProps={formDialogPaper(() => {
          if (created) close();
          else if (name.trim() && scopes.length > 0) void create();
        })}
      >
        <DialogTitle>
          {created ? t('account.tokens.created') : t('account.tokens.newTitle')}
        </DialogTitle>
        <DialogContent>
          {created ? (
            <Stack spacing={2} sx={{ pt: 1 }}>
              <Alert severity="warning">{t('account.tokens.copyNow')}</Alert>
              <CopyField label={t('account.tokens.token')} value={created} autoFocus />
            </Stack>
          ) : (
            <Stack spacing={2} sx={{ pt: 1 }}>
              {formError && <Alert severity="error">{formError}</Alert>}
              <TextField
                label={t('account.tokens.name')}
                value={name}
                onChange={(e) => setName(e.target.value)}
                placeholder={t('account.tokens.namePlaceholder')}
                autoFocus
              />
              <FormGroup row aria-label={t('account.tokens.scopes')}>
                {available.map((scope) => (
                  <FormControlLabel
                    key={scope}
                    label={scope}
                    control={
                      <Checkbox
                        checked={scopes.includes(scope)}
                        onChange={(e) =>
                          setScopes(
                            e.target.checked
                              ? [...scopes, scope]
                              : scopes.filter((s) => s !== scope),
                          )
                        }
                      />
                    }
                  />
                ))}
              </FormGroup>
              <TextField
                select
                label={t('account.tokens.expiresLabel')}
                value={expiry ?? 'never'}
                onChange={(e) =>
                  setExpiry(e.target.value === 'never' ? null : Number(e.target.value))
                }
              >
                {EXPIRY_CHOICES.map((choice) => (
                  <MenuItem key={choice.label} value={choice.days ?? 'never'}>
                    {t(choice.label)}
                  </MenuItem>
                ))}
              </TextField>
            </Stack>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>{created ? t('common.done') : t('common.cancel')}</Button>
          {!created && (
            <Button
              type="submit"
              variant="contained"
              disabled={!name.trim() || scopes.length === 0}
            >
              {t('account.tokens.create')}
            </Button>
          )}
        </DialogActions>
      </Dialog>
    </Card>
  );
}

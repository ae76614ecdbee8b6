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
import { ApiTokenList, CreatedApiToken, type ApiTokenScope } from '@s3am/contracts';
import { api, problemMessage } from '../../api/client';
import { useAuth } from '../auth/auth-context';
import { CopyField } from '../common/copy-field';
import { formDialogPaper } from '../common/form-dialog-paper';
import { useApiQuery } from '../common/use-api-query';

const EXPIRY_CHOICES = [
  { label: '7 days', days: 7 },
  { label: '30 days', days: 30 },
  { label: '90 days', days: 90 },
  { label: '1 year', days: 365 },
  { label: 'Never', days: null },
];

export function ApiTokensCard() {
  const { user } = useAuth();
  const { data, error, reload } = useApiQuery(
    async () => ApiTokenList.parse((await api.get('/api/me/tokens')).data).items,
    [],
  );
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
      const response = CreatedApiToken.parse(
        (await api.post('/api/me/tokens', { name, scopes, expiresInDays: expiry })).data,
      );
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
            API tokens
          </Typography>
          <Button variant="outlined" onClick={() => setOpen(true)}>
            New token
          </Button>
        </Stack>
        {error && <Alert severity="error">{error}</Alert>}
        {data?.length === 0 && (
          <Typography color="text.secondary">
            No tokens yet. Tokens let scripts and the s3am CLI call the API as you.
          </Typography>
        )}
        <List dense aria-label="API tokens">
          {(data ?? []).map((token) => (
            <ListItem
              key={token.id}
              divider
              secondaryAction={
                !token.revokedAt && (
                  <Button
                    size="small"
                    color="error"
                    onClick={() => void api.delete(`/api/me/tokens/${token.id}`).then(reload)}
                  >
                    Revoke
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
                    {token.revokedAt && <Chip label="revoked" size="small" color="error" />}
                  </Stack>
                }
                secondary={`${token.prefix}… · ${token.expiresAt ? `expires ${new Date(token.expiresAt).toLocaleDateString()}` : 'never expires'} · ${token.lastUsedAt ? `last used ${new Date(token.lastUsedAt).toLocaleString()}` : 'never used'}`}
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
        <DialogTitle>{created ? 'Token created' : 'New API token'}</DialogTitle>
        <DialogContent>
          {created ? (
            <Stack spacing={2} sx={{ pt: 1 }}>
              <Alert severity="warning">
                Copy the token now: it is shown only once. Send it as “Authorization: Bearer …”.
              </Alert>
              <CopyField label="Token" value={created} autoFocus />
            </Stack>
          ) : (
            <Stack spacing={2} sx={{ pt: 1 }}>
              {formError && <Alert severity="error">{formError}</Alert>}
              <TextField
                label="Name"
                value={name}
                onChange={(e) => setName(e.target.value)}
                placeholder="backup script"
                autoFocus
              />
              <FormGroup row aria-label="Scopes">
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
                label="Expires"
                value={expiry ?? 'never'}
                onChange={(e) =>
                  setExpiry(e.target.value === 'never' ? null : Number(e.target.value))
                }
              >
                {EXPIRY_CHOICES.map((choice) => (
                  <MenuItem key={choice.label} value={choice.days ?? 'never'}>
                    {choice.label}
                  </MenuItem>
                ))}
              </TextField>
            </Stack>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>{created ? 'Done' : 'Cancel'}</Button>
          {!created && (
            <Button
              type="submit"
              variant="contained"
              disabled={!name.trim() || scopes.length === 0}
            >
              Create
            </Button>
          )}
        </DialogActions>
      </Dialog>
    </Card>
  );
}

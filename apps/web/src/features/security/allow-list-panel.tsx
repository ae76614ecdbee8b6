// Allow-lists: the global one and per-user ones (CIDR). A user with entries can sign in and use
// tokens only from those ranges, so the form says whose list an entry joins.
import {
  Alert,
  Button,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { api } from '../../api/api-client';
import { problemMessage } from '../../api/problem';
import { AsyncButton } from '../common/async-button';
import { useApiQuery } from '../common/use-api-query';
import { useFormProblem } from '../common/use-form-problem';
import { useTranslation } from 'react-i18next';

const GLOBAL = 'global';

export function AllowListPanel() {
  const [cidr, setCidr] = useState('');
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [owner, setOwner] = useState(GLOBAL);
  const problem = useFormProblem();
  const [actionError, setActionError] = useState<string | null>(null);
  const entries = useApiQuery(async () => (await api.listAllowList()).items, []);
  const users = useApiQuery(
    async () => (await api.listUsers({ query: { pageSize: 200 } })).items,
    [],
  );
  const emailOf = (userId: string | null) =>
    userId === null
      ? t('security.allow.everyone')
      : (users.data?.find((user) => user.id === userId)?.email ?? userId);

  const add = async () => {
    problem.setMessage(null);
    try {
      await api.addAllowListEntry({
        body: { cidr, note, userId: owner === GLOBAL ? null : owner },
      });
      setCidr('');
      setNote('');
      await entries.reload();
    } catch (caught) {
      problem.show(caught, ['cidr', 'note', 'userId']);
    }
  };
  const remove = async (id: string) => {
    setActionError(null);
    try {
      await api.deleteAllowListEntry({ params: { id } });
      await entries.reload();
    } catch (caught) {
      setActionError(problemMessage(caught));
    }
  };

  return (
    <Stack spacing={2}>
      <Typography variant="h6" component="h2">
        {t('security.allow.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t('security.allow.body')}
      </Typography>
      {(entries.error ?? actionError) && (
        <Alert severity="error">{entries.error ?? actionError}</Alert>
      )}
      {problem.message && <Alert severity="error">{problem.message}</Alert>}
      <Stack
        component="form"
        noValidate
        direction={{ xs: 'column', md: 'row' }}
        spacing={2}
        sx={{ alignItems: 'flex-start' }}
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
      >
        <TextField
          select
          size="small"
          label={t('security.allow.list')}
          value={owner}
          onChange={(event) => setOwner(event.target.value)}
          sx={{ minWidth: 220 }}
          {...problem.fieldProps('userId')}
        >
          <MenuItem value={GLOBAL}>{t('security.allow.everyone')}</MenuItem>
          {(users.data ?? []).map((user) => (
            <MenuItem key={user.id} value={user.id}>
              {user.email}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          size="small"
          label={t('security.allow.cidr')}
          placeholder="10.0.0.0/8"
          value={cidr}
          onChange={(event) => setCidr(event.target.value)}
          {...problem.fieldProps('cidr')}
        />
        <TextField
          size="small"
          label={t('security.allow.note')}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          {...problem.fieldProps('note')}
        />
        <Button type="submit" variant="outlined" disabled={!cidr.trim()}>
          {t('security.allow.allow')}
        </Button>
      </Stack>
      <TableContainer tabIndex={0} aria-label={t('security.allow.scrollable')}>
        <Table size="small" aria-label={t('security.allow.title')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('security.allow.list')}</TableCell>
              <TableCell>{t('security.allow.range')}</TableCell>
              <TableCell>{t('security.allow.note')}</TableCell>
              <TableCell align="right" />
            </TableRow>
          </TableHead>
          <TableBody>
            {(entries.data ?? []).map((entry) => (
              <TableRow key={entry.id} hover>
                <TableCell>{emailOf(entry.userId)}</TableCell>
                <TableCell sx={{ fontFamily: 'monospace' }}>{entry.cidr}</TableCell>
                <TableCell>{entry.note}</TableCell>
                <TableCell align="right">
                  <AsyncButton
                    size="small"
                    color="error"
                    aria-label={t('security.allow.removeFrom', { cidr: entry.cidr })}
                    onClick={() => remove(entry.id)}
                  >
                    {t('security.allow.remove')}
                  </AsyncButton>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {!entries.loading && entries.data?.length === 0 && (
        <Typography color="text.secondary">{t('security.allow.none')}</Typography>
      )}
    </Stack>
  );
}

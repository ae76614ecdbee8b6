// Blocking an address by hand: IP or CIDR, a reason, and an optional expiry (empty = until removed).
// The API's field errors go under their fields.
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { api } from '../../api/api-client';
import { formDialogPaper } from '../common/form-dialog-paper';
import { useFormProblem } from '../common/use-form-problem';
import { fromLocalInput } from './security-display';
import { useTranslation } from 'react-i18next';

const FIELDS = ['cidr', 'reason', 'expiresAt'] as const;

export function AddBlockDialog({
  open,
  onClose,
  onAdded,
}: {
  open: boolean;
  onClose: () => void;
  onAdded: () => void;
}) {
  const [cidr, setCidr] = useState('');
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [expires, setExpires] = useState('');
  const problem = useFormProblem();

  const close = () => {
    setCidr('');
    setReason('');
    setExpires('');
    problem.setMessage(null);
    onClose();
  };
  const add = async () => {
    problem.setMessage(null);
    try {
      await api.createBlock({ body: { cidr, reason, expiresAt: fromLocalInput(expires) } });
      onAdded();
      close();
    } catch (caught) {
      problem.show(caught, FIELDS);
    }
  };

  return (
    <Dialog
      open={open}
      onClose={close}
      fullWidth
      maxWidth="sm"
      slotProps={formDialogPaper(() => void add())}
    >
      <DialogTitle>{t('security.blocks.add')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {problem.message && <Alert severity="error">{problem.message}</Alert>}
          <TextField
            label={t('security.blocks.cidr')}
            placeholder={t('security.blocks.cidrPlaceholder')}
            value={cidr}
            onChange={(event) => setCidr(event.target.value)}
            autoFocus
            required
            {...problem.fieldProps('cidr')}
          />
          <TextField
            label={t('security.blocks.reason')}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            required
            {...problem.fieldProps('reason')}
          />
          <TextField
            label={t('security.blocks.expires')}
            type="datetime-local"
            value={expires}
            onChange={(event) => setExpires(event.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
            {...problem.fieldProps('expiresAt')}
            helperText={problem.fieldError('expiresAt') ?? t('security.blocks.emptyUntilRemoved')}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>{t('common.cancel')}</Button>
        <Button type="submit" variant="contained" disabled={!cidr.trim() || !reason.trim()}>
          {t('security.blocks.block')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

// Shows freshly issued recovery codes once, with copy and download.
import { Alert, Box, Button, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';

export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const text = `${t('account.recovery.fileTitle')}\n\n${codes.join('\n')}\n`;
  const download = () => {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    link.download = 's3am-recovery-codes.txt';
    link.click();
    URL.revokeObjectURL(link.href);
  };
  return (
    <Stack spacing={2}>
      <Alert severity="warning">{t('account.recovery.save')}</Alert>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Box
          component="ul"
          aria-label={t('account.recovery.label')}
          sx={{
            m: 0,
            p: 0,
            listStyle: 'none',
            display: 'grid',
            gridTemplateColumns: 'repeat(2, 1fr)',
            gap: 1,
            fontFamily: 'monospace',
            fontSize: 16,
          }}
        >
          {codes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </Box>
      </Paper>
      <Stack direction="row" spacing={1}>
        <Button onClick={() => void navigator.clipboard?.writeText(text)}>
          {t('common.copy')}
        </Button>
        <Button onClick={download}>{t('account.recovery.download')}</Button>
        <Box sx={{ flexGrow: 1 }} />
        <Button variant="contained" onClick={onDone}>
          {t('account.recovery.saved')}
        </Button>
      </Stack>
      <Typography variant="caption" color="text.secondary">
        {t('account.recovery.keepSafe')}
      </Typography>
    </Stack>
  );
}

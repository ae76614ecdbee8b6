// Shows freshly issued recovery codes once, with copy and download.
import { Alert, Box, Button, Paper, Stack, Typography } from '@mui/material';

export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const text = `S3 Access Manager recovery codes (each works once)\n\n${codes.join('\n')}\n`;
  const download = () => {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    link.download = 's3am-recovery-codes.txt';
    link.click();
    URL.revokeObjectURL(link.href);
  };
  return (
    <Stack spacing={2}>
      <Alert severity="warning">
        Save these recovery codes now. Each one signs you in once if you lose your authenticator;
        they will not be shown again.
      </Alert>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Box
          component="ul"
          aria-label="Recovery codes"
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
        <Button onClick={() => void navigator.clipboard?.writeText(text)}>Copy</Button>
        <Button onClick={download}>Download</Button>
        <Box sx={{ flexGrow: 1 }} />
        <Button variant="contained" onClick={onDone}>
          I saved them
        </Button>
      </Stack>
      <Typography variant="caption" color="text.secondary">
        Keep them somewhere safe, apart from your phone.
      </Typography>
    </Stack>
  );
}

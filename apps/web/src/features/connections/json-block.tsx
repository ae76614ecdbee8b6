// A read-only JSON document in monospace, with a button that copies it.
import ContentCopyOutlined from '@mui/icons-material/ContentCopyOutlined';
import { Box, Button, Paper } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export function JsonBlock({ label, value }: { label: string; value: unknown }) {
  const [copied, setCopied] = useState(false);
  const { t } = useTranslation();
  const text = JSON.stringify(value, null, 2);
  return (
    <Box>
      <Box sx={{ display: 'flex', justifyContent: 'flex-end', mb: 1 }}>
        <Button
          size="small"
          startIcon={<ContentCopyOutlined fontSize="small" />}
          onClick={() => void navigator.clipboard?.writeText(text).then(() => setCopied(true))}
        >
          {copied ? t('connections.copied') : t('connections.copyLabel', { label })}
        </Button>
      </Box>
      <Paper
        variant="outlined"
        component="pre"
        aria-label={label}
        tabIndex={0}
        sx={{
          m: 0,
          p: 2,
          maxHeight: 360,
          overflow: 'auto',
          fontFamily: 'monospace',
          fontSize: 13,
          bgcolor: 'action.hover',
        }}
      >
        {text}
      </Paper>
    </Box>
  );
}

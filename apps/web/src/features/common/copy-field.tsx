// A read-only value with a copy button (one-time passwords, tokens, recovery codes).
// `autoFocus` where the value replaces the form that produced it: the focused field was just
// removed, so focus (and a screen reader) moves to the result instead of falling to the page.
import ContentCopyOutlined from '@mui/icons-material/ContentCopyOutlined';
import { IconButton, InputAdornment, TextField, Tooltip } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export function CopyField({
  label,
  value,
  autoFocus = false,
}: {
  label: string;
  value: string;
  autoFocus?: boolean;
}) {
  const [copied, setCopied] = useState(false);
  const { t } = useTranslation();
  return (
    <TextField
      label={label}
      value={value}
      fullWidth
      autoFocus={autoFocus}
      slotProps={{
        input: {
          readOnly: true,
          sx: { fontFamily: 'monospace' },
          endAdornment: (
            <InputAdornment position="end">
              <Tooltip title={copied ? t('common.copied') : t('common.copy')}>
                <IconButton
                  aria-label={t('common.copyLabel', { label })}
                  onClick={() =>
                    void navigator.clipboard?.writeText(value).then(() => setCopied(true))
                  }
                >
                  <ContentCopyOutlined fontSize="small" />
                </IconButton>
              </Tooltip>
            </InputAdornment>
          ),
        },
      }}
    />
  );
}

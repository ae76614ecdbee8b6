// A labelled outlined text field with helper text: what MUI's TextField renders for text, minus its
// select mode. TextField always brings Select, and with it Menu, Popover and Modal, which the
// sign-in page would download only to never show (bench/web-assets.ts measures that page).
import { FormControl, FormHelperText, InputLabel, OutlinedInput } from '@mui/material';
import type { OutlinedInputProps } from '@mui/material';
import { useId, type ReactNode } from 'react';

type OutlinedFieldProps = Omit<OutlinedInputProps, 'label'> & {
  label: string;
  helperText?: ReactNode;
};

export function OutlinedField({
  label,
  helperText,
  required,
  fullWidth,
  id,
  ...input
}: OutlinedFieldProps) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  const helperId = helperText ? `${inputId}-helper` : undefined;
  return (
    <FormControl variant="outlined" required={required} fullWidth={fullWidth}>
      <InputLabel htmlFor={inputId}>{label}</InputLabel>
      <OutlinedInput id={inputId} label={label} aria-describedby={helperId} {...input} />
      {helperText && <FormHelperText id={helperId}>{helperText}</FormHelperText>}
    </FormControl>
  );
}

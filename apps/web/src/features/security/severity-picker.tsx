// Which severities a notification channel receives: one checkbox per severity.
import { Checkbox, FormControlLabel, FormGroup, FormHelperText, FormLabel } from '@mui/material';
import type { SecuritySeverity } from '@s3am/contracts';
import { useTranslation } from 'react-i18next';
import { SEVERITIES, SEVERITY_LABEL } from './security-display';

export function SeverityPicker({
  label,
  value,
  error,
  onChange,
}: {
  label: string;
  value: SecuritySeverity[];
  error?: string;
  onChange: (value: SecuritySeverity[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <div role="group" aria-label={label}>
      <FormLabel component="legend" sx={{ fontSize: 14 }}>
        {label}
      </FormLabel>
      <FormGroup row>
        {SEVERITIES.map((severity) => (
          <FormControlLabel
            key={severity}
            label={t(SEVERITY_LABEL[severity])}
            control={
              <Checkbox
                size="small"
                checked={value.includes(severity)}
                onChange={(event) =>
                  onChange(
                    event.target.checked
                      ? SEVERITIES.filter((item) => item === severity || value.includes(item))
                      : value.filter((item) => item !== severity),
                  )
                }
              />
            }
          />
        ))}
      </FormGroup>
      {error && <FormHelperText error>{error}</FormHelperText>}
    </div>
  );
}

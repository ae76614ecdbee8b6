// Instance-wide switch: require two-factor authentication for every admin.
import { Alert, FormControlLabel, Switch, Tooltip } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import { problemMessage } from '../../api/problem';
import { useApiQuery } from '../common/use-api-query';

export function RequireTotpSwitch() {
  const { t } = useTranslation();
  const { data, reload } = useApiQuery(() => api.getSecuritySettings(), []);
  const [error, setError] = useState<string | null>(null);
  const toggle = async (requireTotpForAdmins: boolean) => {
    setError(null);
    try {
      await api.updateSecuritySettings({ body: { requireTotpForAdmins } });
      await reload();
    } catch (caught) {
      setError(problemMessage(caught));
    }
  };
  return (
    <>
      <Tooltip title={t('users.requireTotpHelp')}>
        <FormControlLabel
          control={
            <Switch
              checked={data?.requireTotpForAdmins ?? false}
              disabled={!data}
              onChange={(e) => void toggle(e.target.checked)}
            />
          }
          label={t('users.requireTotp')}
        />
      </Tooltip>
      {error && <Alert severity="error">{error}</Alert>}
    </>
  );
}

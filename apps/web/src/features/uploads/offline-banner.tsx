// Says uploads are paused while the browser is offline and will go on by themselves.
import CloudOffOutlined from '@mui/icons-material/CloudOffOutlined';
import { Alert } from '@mui/material';
import { useTranslation } from 'react-i18next';

export function OfflineBanner({ online }: { online: boolean }) {
  const { t } = useTranslation();
  if (online) return null;
  return (
    <Alert severity="warning" icon={<CloudOffOutlined />} role="status">
      {t('uploads.offline')}
    </Alert>
  );
}

// Says uploads are paused while the browser is offline and will go on by themselves.
import CloudOffOutlined from '@mui/icons-material/CloudOffOutlined';
import { Alert } from '@mui/material';

export function OfflineBanner({ online }: { online: boolean }) {
  if (online) return null;
  return (
    <Alert severity="warning" icon={<CloudOffOutlined />} role="status">
      You are offline. Uploads are paused and resume by themselves when the connection is back.
    </Alert>
  );
}

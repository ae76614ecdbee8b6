// What a person dragging files over the Files page sees: where a drop goes, or that it cannot.
import CloudUploadOutlined from '@mui/icons-material/CloudUploadOutlined';
import DoNotDisturbOnOutlined from '@mui/icons-material/DoNotDisturbOnOutlined';
import { Backdrop, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';

export function FolderDropOverlay({
  open,
  destination,
  refusal,
}: {
  open: boolean;
  destination: string;
  /** Why nothing may be dropped here; null when a drop is welcome. */
  refusal: string | null;
}) {
  const { t } = useTranslation();
  return (
    <Backdrop
      open={open}
      data-testid="folder-drop-overlay"
      sx={{ zIndex: (theme) => theme.zIndex.modal + 1, pointerEvents: 'none', color: '#fff' }}
    >
      <Stack sx={{ alignItems: 'center', textAlign: 'center', px: 2 }}>
        {refusal ? (
          <DoNotDisturbOnOutlined sx={{ fontSize: 64 }} />
        ) : (
          <CloudUploadOutlined sx={{ fontSize: 64 }} />
        )}
        <Typography variant="h5" component="p">
          {refusal ? t('files.upload.cannotUpload') : t('files.upload.dropToUpload')}
        </Typography>
        <Typography>{refusal ?? t('files.upload.dropTo', { destination })}</Typography>
      </Stack>
    </Backdrop>
  );
}

// What a person dragging files over the Files page sees: where a drop goes, or that it cannot.
import CloudUploadOutlined from '@mui/icons-material/CloudUploadOutlined';
import DoNotDisturbOnOutlined from '@mui/icons-material/DoNotDisturbOnOutlined';
import { Backdrop, Stack, Typography } from '@mui/material';

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
          {refusal ? 'You cannot upload here' : 'Drop to upload'}
        </Typography>
        <Typography>{refusal ?? `to ${destination}`}</Typography>
      </Stack>
    </Backdrop>
  );
}

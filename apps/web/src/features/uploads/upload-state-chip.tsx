// The state of one upload as a coloured chip.
import { Chip, type ChipProps } from '@mui/material';
import { type UploadTaskState } from '@s3am/uploader';
import { useTranslation } from 'react-i18next';

const COLOR: Record<UploadTaskState, ChipProps['color']> = {
  queued: 'default',
  preparing: 'info',
  uploading: 'primary',
  paused: 'warning',
  completing: 'info',
  completed: 'success',
  failed: 'error',
  cancelled: 'default',
};

export function UploadStateChip({ state }: { state: UploadTaskState }) {
  const { t } = useTranslation();
  return (
    <Chip
      size="small"
      label={t(`uploads.taskState.${state}`)}
      color={COLOR[state]}
      variant="outlined"
    />
  );
}

// The state of one upload as a coloured chip.
import { Chip, type ChipProps } from '@mui/material';
import { type UploadTaskState } from '@s3am/uploader';

const LOOK: Record<UploadTaskState, { label: string; color: ChipProps['color'] }> = {
  queued: { label: 'Queued', color: 'default' },
  preparing: { label: 'Starting', color: 'info' },
  uploading: { label: 'Uploading', color: 'primary' },
  paused: { label: 'Paused', color: 'warning' },
  completing: { label: 'Finishing', color: 'info' },
  completed: { label: 'Done', color: 'success' },
  failed: { label: 'Failed', color: 'error' },
  cancelled: { label: 'Cancelled', color: 'default' },
};

export function UploadStateChip({ state }: { state: UploadTaskState }) {
  const { label, color } = LOOK[state];
  return <Chip size="small" label={label} color={color} variant="outlined" />;
}

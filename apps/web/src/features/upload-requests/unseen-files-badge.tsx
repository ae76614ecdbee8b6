// A count of unseen received files on the Shared links navigation icon.
import { Badge } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnseenFiles } from './unseen-files';

export function UnseenFilesBadge({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const unseen = useUnseenFiles();
  return (
    <Badge
      badgeContent={unseen}
      color="secondary"
      max={99}
      slotProps={{
        badge: { 'aria-label': t('uploads.messages.unseen', { count: unseen }) } as object,
      }}
    >
      {children}
    </Badge>
  );
}

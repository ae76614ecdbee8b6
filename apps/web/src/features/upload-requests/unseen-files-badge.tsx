// A count of unseen received files on the Shared links navigation icon.
import { Badge } from '@mui/material';
import type { ReactNode } from 'react';
import { useUnseenFiles } from './unseen-files';

export function UnseenFilesBadge({ children }: { children: ReactNode }) {
  const unseen = useUnseenFiles();
  return (
    <Badge
      badgeContent={unseen}
      color="secondary"
      max={99}
      slotProps={{ badge: { 'aria-label': `${unseen} new received file(s)` } as object }}
    >
      {children}
    </Badge>
  );
}

// Download and copy-link for one object: a download asks the API for a presigned URL first;
// Copy link opens the app's link dialog (lifetime, expiry, manual copy).
import { useState } from 'react';
import type { ObjectRef } from '@s3am/contracts';
import { problemMessage } from '../../api/problem';
import { openCopyLinkDialog } from './copy-link-dialog';
import { fetchDownloadUrl } from './files-api';

export function useLinkActions() {
  const [notice, setNotice] = useState<{ message: string; error: boolean } | null>(null);

  const download = async (ref: ObjectRef) => {
    try {
      const url = await fetchDownloadUrl(ref);
      // The link says "attachment", so the browser saves the file and this page stays.
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.rel = 'noopener';
      anchor.click();
    } catch (caught) {
      setNotice({ message: problemMessage(caught), error: true });
    }
  };

  // Async like download, so callers treat both alike.
  const copyLink = (ref: ObjectRef) => {
    openCopyLinkDialog(ref);
    return Promise.resolve();
  };

  return { download, copyLink, notice, clearNotice: () => setNotice(null) };
}

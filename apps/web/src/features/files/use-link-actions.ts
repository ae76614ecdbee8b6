// Download and copy-link for one object: both ask the API for a presigned URL first.
import { useState } from 'react';
import type { ObjectRef } from '@s3am/contracts';
import { problemMessage } from '../../api/client';
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

  const copyLink = async (ref: ObjectRef) => {
    try {
      const url = await fetchDownloadUrl(ref);
      if (!navigator.clipboard) throw new Error('This browser does not allow copying here.');
      await navigator.clipboard.writeText(url);
      setNotice({
        message: 'Link copied. Anyone with it can download the file until it expires.',
        error: false,
      });
    } catch (caught) {
      setNotice({ message: problemMessage(caught), error: true });
    }
  };

  return { download, copyLink, notice, clearNotice: () => setNotice(null) };
}

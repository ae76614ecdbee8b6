// The Files page's link actions: share the open folder or one file, and request files into the
// open folder. Each opens its dialog; the server checks the grant (read to share, write to
// request), the buttons only hide what the folder's grants rule out.
import MoveToInboxOutlined from '@mui/icons-material/MoveToInboxOutlined';
import ShareOutlined from '@mui/icons-material/ShareOutlined';
import { Button } from '@mui/material';
import { useState } from 'react';
import type { ObjectRef } from '@s3am/contracts';
import { RequestFilesDialog, type RequestTarget } from '../upload-requests/request-files-dialog';
import { ShareDialog, type ShareTarget } from './share-dialog';
import { useTranslation } from 'react-i18next';

export function FolderLinkButtons({
  where,
  prefix,
  allowed,
}: {
  where: { connectionId: string; bucket: string };
  prefix: string;
  allowed: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  const [sharing, setSharing] = useState<ShareTarget | null>(null);
  const [requesting, setRequesting] = useState<RequestTarget | null>(null);
  return (
    <>
      {allowed.has('read') && (
        <Button
          startIcon={<ShareOutlined />}
          onClick={() => setSharing({ ...where, path: prefix, isFolder: true })}
        >
          {t('shares.share')}
        </Button>
      )}
      {allowed.has('write') && (
        <Button
          startIcon={<MoveToInboxOutlined />}
          onClick={() => setRequesting({ ...where, prefix })}
        >
          {t('shares.requestFiles')}
        </Button>
      )}
      <ShareDialog target={sharing} onClose={() => setSharing(null)} />
      <RequestFilesDialog target={requesting} onClose={() => setRequesting(null)} />
    </>
  );
}

export function ShareFileButton({ target }: { target: ObjectRef }) {
  const { t } = useTranslation();
  const [sharing, setSharing] = useState<ShareTarget | null>(null);
  return (
    <>
      <Button
        startIcon={<ShareOutlined />}
        onClick={() =>
          setSharing({
            connectionId: target.connectionId,
            bucket: target.bucket,
            path: target.key,
            isFolder: false,
          })
        }
      >
        {t('shares.share')}
      </Button>
      <ShareDialog target={sharing} onClose={() => setSharing(null)} />
    </>
  );
}

// Files dropped anywhere in the app: queued for the Uploads page's destination (or kept until
// one is chosen), then the Uploads page opens. People who cannot upload are told so.
import CloudUploadOutlined from '@mui/icons-material/CloudUploadOutlined';
import { Backdrop, Snackbar, Stack, Typography } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { type Role } from '@s3am/contracts';
import { collectDroppedFiles, hasFiles } from './dropped-files';
import { useUploadManager } from './upload-manager-context';
import { describeLocation } from './upload-target';
import { folderPrefix } from './upload-keys';
import { describeUploadLimits } from './upload-limits';
import { useTranslation } from 'react-i18next';

export function GlobalDropZone({ role }: { role: Role }) {
  const manager = useUploadManager();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [dragging, setDragging] = useState(false);
  const [refused, setRefused] = useState(false);
  const depth = useRef(0);
  const canUpload = role === 'admin' || role === 'uploader';

  useEffect(() => {
    const enter = (event: DragEvent) => {
      if (!hasFiles(event.dataTransfer)) return;
      depth.current++;
      setDragging(true);
    };
    const leave = () => {
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    };
    const over = (event: DragEvent) => {
      if (!hasFiles(event.dataTransfer)) return;
      // Without this the browser would open the file and leave the app.
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = canUpload ? 'copy' : 'none';
    };
    const drop = (event: DragEvent) => {
      depth.current = 0;
      setDragging(false);
      if (!event.dataTransfer || !hasFiles(event.dataTransfer)) return;
      event.preventDefault();
      if (!canUpload) {
        setRefused(true);
        return;
      }
      void collectDroppedFiles(event.dataTransfer).then(async (files) => {
        if (files.length === 0) return;
        const target = manager.getSnapshot().target;
        if (target) await manager.add(files, target);
        else manager.stage(files);
        await navigate('/uploads');
      });
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [manager, navigate, canUpload]);

  const { target, limits } = manager.getSnapshot();
  return (
    <>
      <Backdrop
        open={dragging && canUpload}
        sx={{ zIndex: (theme) => theme.zIndex.modal + 1, pointerEvents: 'none', color: '#fff' }}
      >
        <Stack sx={{ alignItems: 'center' }}>
          <CloudUploadOutlined sx={{ fontSize: 64 }} />
          <Typography variant="h5" component="p">
            {t('uploads.dropToUpload')}
          </Typography>
          <Typography>
            {target
              ? t('uploads.dropTo', {
                  destination: describeLocation(
                    target.connectionName,
                    target.bucket,
                    folderPrefix(target.prefix, target.subFolder),
                  ),
                })
              : t('uploads.chooseOnUploadsPage')}
          </Typography>
          {limits && <Typography variant="body2">{describeUploadLimits(limits)}</Typography>}
        </Stack>
      </Backdrop>
      <Snackbar
        open={refused}
        autoHideDuration={5000}
        onClose={() => setRefused(false)}
        message={t('uploads.refusedRole')}
      />
    </>
  );
}

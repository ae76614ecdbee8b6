// The Files page's Upload button: pick files or a whole folder for the open folder. The menu says
// where they go and what the server accepts before anything is picked.
import DriveFolderUploadOutlined from '@mui/icons-material/DriveFolderUploadOutlined';
import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import UploadOutlined from '@mui/icons-material/UploadOutlined';
import {
  Box,
  Button,
  Divider,
  ListItemIcon,
  ListItemText,
  Menu,
  MenuItem,
  Typography,
} from '@mui/material';
import { useId, useRef, useState } from 'react';
import type { MyQuotaQuery, UploadLimits } from '@s3am/contracts';
import { QuotaCaption } from '../quotas/quota-summary';
import { pickedFromInput, type PickedFile } from '../uploads/dropped-files';
import { describeUploadLimits } from '../uploads/upload-limits';
import { useTranslation } from 'react-i18next';

/** "Up to 5 TiB a file · .pdf, .png only · image/* only" */
export function FolderUploadButton({
  destination,
  limits,
  place,
  onFiles,
}: {
  /** "Local storage › uploads › photos/" */
  destination: string;
  limits: UploadLimits | null;
  /** The open folder, for the quotas that count it (shown with the limits). */
  place?: MyQuotaQuery;
  onFiles: (files: PickedFile[]) => void;
}) {
  const { t } = useTranslation();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const menuId = useId();

  const pick = (input: HTMLInputElement | null) => {
    setAnchor(null);
    input?.click();
  };
  const picked = (input: HTMLInputElement) => {
    const files = pickedFromInput(input.files);
    // Cleared, so picking the same file again is a change too.
    input.value = '';
    if (files.length > 0) onFiles(files);
  };

  return (
    <>
      <Button
        variant="contained"
        startIcon={<UploadOutlined />}
        aria-haspopup="menu"
        aria-controls={anchor ? menuId : undefined}
        aria-expanded={anchor ? 'true' : undefined}
        onClick={(event) => setAnchor(event.currentTarget)}
      >
        {t('files.upload.button')}
      </Button>
      <Menu id={menuId} anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <Box sx={{ px: 2, pt: 0.5, pb: 1, maxWidth: 320 }}>
          <Typography variant="body2">{t('files.upload.to', { destination })}</Typography>
          <Typography variant="caption" color="text.secondary" component="p">
            {limits ? describeUploadLimits(limits) : t('files.upload.checkingLimits')}
          </Typography>
          <Typography variant="caption" color="text.secondary" component="p">
            {t('files.upload.nameKept')}
          </Typography>
          {anchor && place && <QuotaCaption place={place} />}
        </Box>
        <Divider />
        <MenuItem onClick={() => pick(fileInput.current)}>
          <ListItemIcon>
            <UploadFileOutlined fontSize="small" />
          </ListItemIcon>
          <ListItemText>{t('files.upload.files')}</ListItemText>
        </MenuItem>
        <MenuItem onClick={() => pick(folderInput.current)}>
          <ListItemIcon>
            <DriveFolderUploadOutlined fontSize="small" />
          </ListItemIcon>
          <ListItemText>{t('files.upload.folder')}</ListItemText>
        </MenuItem>
      </Menu>
      <input
        ref={fileInput}
        type="file"
        multiple
        hidden
        aria-label={t('files.upload.filesInput')}
        data-testid="folder-upload-files"
        onChange={(event) => picked(event.currentTarget)}
      />
      <input
        ref={(input) => {
          folderInput.current = input;
          // Not a React prop: the attribute turns the picker into a folder picker.
          input?.setAttribute('webkitdirectory', '');
        }}
        type="file"
        hidden
        aria-label={t('files.upload.folderInput')}
        data-testid="folder-upload-folder"
        onChange={(event) => picked(event.currentTarget)}
      />
    </>
  );
}

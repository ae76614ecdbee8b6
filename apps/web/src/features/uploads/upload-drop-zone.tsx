// The Uploads page's drop target, with buttons to pick files or a whole folder, and what the
// server accepts (size, types) before anything is picked.
import CloudUploadOutlined from '@mui/icons-material/CloudUploadOutlined';
import CreateNewFolderOutlined from '@mui/icons-material/CreateNewFolderOutlined';
import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import { Button, Paper, Stack, Typography } from '@mui/material';
import { type UploadLimits } from '@s3am/contracts';
import { useRef, useState, type DragEvent } from 'react';
import { collectDroppedFiles, hasFiles, pickedFromInput, type PickedFile } from './dropped-files';
import { describeUploadLimits } from './upload-limits';
import { useTranslation } from 'react-i18next';

export function UploadDropZone({
  disabled,
  onFiles,
  limits,
}: {
  disabled: boolean;
  onFiles: (files: PickedFile[]) => void;
  /** What the server accepts, shown before anything is picked (null while loading). */
  limits: UploadLimits | null;
}) {
  const [over, setOver] = useState(false);
  const { t } = useTranslation();
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);

  const onDragOver = (event: DragEvent) => {
    if (!hasFiles(event.dataTransfer)) return;
    event.preventDefault();
    event.stopPropagation();
    event.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
    setOver(true);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    // The page handles it: the app-wide drop zone must not queue it a second time.
    event.stopPropagation();
    setOver(false);
    if (disabled) return;
    void collectDroppedFiles(event.dataTransfer).then(onFiles);
  };

  return (
    <Paper
      variant="outlined"
      data-testid="upload-drop-zone"
      onDragOver={onDragOver}
      onDragEnter={onDragOver}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      sx={{
        p: 4,
        borderStyle: 'dashed',
        borderWidth: 2,
        borderColor: over ? 'primary.main' : 'divider',
        bgcolor: over ? 'action.hover' : 'transparent',
        textAlign: 'center',
        transition: 'background-color 120ms, border-color 120ms',
      }}
    >
      <CloudUploadOutlined color={over ? 'primary' : 'action'} sx={{ fontSize: 48 }} />
      <Typography variant="h6" component="p" sx={{ mt: 1 }}>
        {t('uploads.dropZone.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t('uploads.dropZone.body')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }} data-testid="upload-limits">
        {limits ? describeUploadLimits(limits) : t('uploads.dropZone.checkingLimits')}
      </Typography>
      <Stack direction="row" spacing={1} sx={{ justifyContent: 'center' }}>
        <Button
          variant="contained"
          startIcon={<UploadFileOutlined />}
          disabled={disabled}
          onClick={() => fileInput.current?.click()}
        >
          {t('uploads.dropZone.chooseFiles')}
        </Button>
        <Button
          variant="outlined"
          startIcon={<CreateNewFolderOutlined />}
          disabled={disabled}
          onClick={() => folderInput.current?.click()}
        >
          {t('uploads.dropZone.chooseFolder')}
        </Button>
      </Stack>
      <input
        ref={fileInput}
        type="file"
        multiple
        hidden
        aria-label={t('uploads.dropZone.filesInput')}
        data-testid="upload-file-input"
        onChange={(event) => {
          onFiles(pickedFromInput(event.currentTarget.files));
          event.currentTarget.value = '';
        }}
      />
      <input
        ref={(input) => {
          folderInput.current = input;
          // Not a React prop: set the attribute that turns the picker into a folder picker.
          input?.setAttribute('webkitdirectory', '');
        }}
        type="file"
        hidden
        aria-label={t('uploads.dropZone.folderInput')}
        data-testid="upload-folder-input"
        onChange={(event) => {
          onFiles(pickedFromInput(event.currentTarget.files));
          event.currentTarget.value = '';
        }}
      />
    </Paper>
  );
}

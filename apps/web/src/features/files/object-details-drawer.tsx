// Side panel with one object's details: size, type, dates, ETag, class, encryption; metadata and
// tags (editable with write) and, where the bucket keeps them, versions.
import CloseOutlined from '@mui/icons-material/CloseOutlined';
import {
  Alert,
  Box,
  Button,
  CircularProgress,
  Divider,
  Drawer,
  IconButton,
  Stack,
  Typography,
} from '@mui/material';
import type { ObjectDetails, ObjectRef } from '@s3am/contracts';
import { useApiQuery } from '../common/use-api-query';
import { ShareFileButton } from '../shares/link-buttons';
import { saveMetadata, saveTags } from './file-operations-api';
import { api } from '../../api/api-client';
import { formatBytes } from '../common/format-bytes';
import { formatDate } from './format';
import { ObjectPreview } from './object-preview';
import { ObjectVersionsPanel } from './object-versions-panel';
import { METADATA_RULES, PairsEditor, TAG_RULES } from './pairs-editor';
import { useTranslation } from 'react-i18next';

function Field({ label, value }: { label: string; value: string }) {
  return (
    <Box>
      <Typography variant="caption" color="text.secondary" component="div">
        {label}
      </Typography>
      <Typography variant="body2" sx={{ wordBreak: 'break-all' }}>
        {value}
      </Typography>
    </Box>
  );
}

function DetailsBody({
  details,
  target,
  canWrite,
  onChanged,
}: {
  details: ObjectDetails;
  target: ObjectRef;
  canWrite: boolean;
  onChanged: () => Promise<void>;
}) {
  const { algorithm, kmsKeyId } = details.encryption;
  const { t } = useTranslation();
  return (
    <Stack spacing={2}>
      <Field label={t('files.details.key')} value={details.key} />
      <Field
        label={t('files.details.size')}
        value={t('files.details.sizeValue', {
          size: formatBytes(details.size),
          bytes: details.size,
        })}
      />
      <Field
        label={t('files.details.type')}
        value={details.contentType ?? t('files.details.unknown')}
      />
      <Field label={t('files.details.modified')} value={formatDate(details.lastModified)} />
      <Field label={t('files.details.etag')} value={details.etag ?? '—'} />
      <Field label={t('files.details.storageClass')} value={details.storageClass ?? 'STANDARD'} />
      <Field
        label={t('files.details.encryption')}
        value={
          algorithm
            ? kmsKeyId
              ? t('files.details.encryptionKey', { algorithm, key: kmsKeyId })
              : algorithm
            : t('files.details.noneReported')
        }
      />
      <Divider />
      <PairsEditor
        title={t('files.details.metadata')}
        noun={t('files.details.metadataNoun')}
        pairs={details.metadata}
        canEdit={canWrite}
        rules={METADATA_RULES}
        onSave={async (metadata) => {
          await saveMetadata(target, metadata);
          await onChanged();
        }}
      />
      <PairsEditor
        title={t('files.details.tags')}
        noun={t('files.details.tagsNoun')}
        pairs={details.tags}
        canEdit={canWrite}
        rules={TAG_RULES}
        onSave={async (tags) => {
          await saveTags(target, tags);
          await onChanged();
        }}
      />
      <ObjectVersionsPanel
        target={target}
        canRestore={canWrite}
        onRestored={() => void onChanged()}
      />
    </Stack>
  );
}

export function ObjectDetailsDrawer({
  target,
  onClose,
  onDownload,
  canMove = false,
  canCopy = false,
  canWrite = false,
  onMove,
}: {
  target: ObjectRef | null;
  onClose: () => void;
  onDownload: (ref: ObjectRef) => void;
  canMove?: boolean;
  canCopy?: boolean;
  /** Tags and metadata editable, versions restorable. */
  canWrite?: boolean;
  onMove?: (ref: ObjectRef, copy: boolean) => void;
}) {
  const { data, error, loading, reload } = useApiQuery(
    async () => (target ? api.objectDetails({ query: target }) : null),
    [target],
  );
  const name = target?.key.slice(target.key.lastIndexOf('/') + 1) ?? '';
  const { t } = useTranslation();
  return (
    <Drawer
      anchor="right"
      open={target !== null}
      onClose={onClose}
      // Above the app bar, which sits over the navigation drawer.
      sx={{ zIndex: (theme) => theme.zIndex.drawer + 2 }}
      slotProps={{ paper: { sx: { width: { xs: '100%', sm: 400 }, p: 3 } } }}
    >
      <Stack direction="row" sx={{ alignItems: 'center', mb: 2 }}>
        <Typography variant="h6" component="h2" sx={{ flexGrow: 1, wordBreak: 'break-all' }}>
          {name}
        </Typography>
        <IconButton aria-label={t('files.details.close')} onClick={onClose}>
          <CloseOutlined />
        </IconButton>
      </Stack>
      {error && <Alert severity="error">{error}</Alert>}
      {loading && !data && <CircularProgress aria-label={t('files.details.loading')} />}
      {data && data.key === target?.key && (
        <>
          {target && <ObjectPreview target={target} />}
          {target && (
            <DetailsBody details={data} target={target} canWrite={canWrite} onChanged={reload} />
          )}
          <Stack direction="row" spacing={1} sx={{ mt: 3, flexWrap: 'wrap' }}>
            <Button variant="contained" onClick={() => target && onDownload(target)}>
              {t('files.details.download')}
            </Button>
            {canMove && (
              <Button onClick={() => target && onMove?.(target, false)}>
                {t('files.details.renameOrMove')}
              </Button>
            )}
            {canCopy && (
              <Button onClick={() => target && onMove?.(target, true)}>
                {t('files.details.copy')}
              </Button>
            )}
            {target && <ShareFileButton target={target} />}
          </Stack>
        </>
      )}
    </Drawer>
  );
}

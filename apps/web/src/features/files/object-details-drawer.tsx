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
import { fetchObjectDetails } from './files-api';
import { formatBytes } from '../common/format-bytes';
import { formatDate } from './format';
import { ObjectPreview } from './object-preview';
import { ObjectVersionsPanel } from './object-versions-panel';
import { METADATA_RULES, PairsEditor, TAG_RULES } from './pairs-editor';

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
  return (
    <Stack spacing={2}>
      <Field label="Key" value={details.key} />
      <Field label="Size" value={`${formatBytes(details.size)} (${details.size} bytes)`} />
      <Field label="Type" value={details.contentType ?? 'unknown'} />
      <Field label="Modified" value={formatDate(details.lastModified)} />
      <Field label="ETag" value={details.etag ?? '—'} />
      <Field label="Storage class" value={details.storageClass ?? 'STANDARD'} />
      <Field
        label="Encryption"
        value={algorithm ? `${algorithm}${kmsKeyId ? ` (key ${kmsKeyId})` : ''}` : 'None reported'}
      />
      <Divider />
      <PairsEditor
        title="Metadata"
        pairs={details.metadata}
        canEdit={canWrite}
        rules={METADATA_RULES}
        onSave={async (metadata) => {
          await saveMetadata(target, metadata);
          await onChanged();
        }}
      />
      <PairsEditor
        title="Tags"
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
    async () => (target ? fetchObjectDetails(target) : null),
    [target],
  );
  const name = target?.key.slice(target.key.lastIndexOf('/') + 1) ?? '';
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
        <IconButton aria-label="Close details" onClick={onClose}>
          <CloseOutlined />
        </IconButton>
      </Stack>
      {error && <Alert severity="error">{error}</Alert>}
      {loading && !data && <CircularProgress aria-label="Loading details" />}
      {data && data.key === target?.key && (
        <>
          {target && <ObjectPreview target={target} />}
          {target && (
            <DetailsBody details={data} target={target} canWrite={canWrite} onChanged={reload} />
          )}
          <Stack direction="row" spacing={1} sx={{ mt: 3, flexWrap: 'wrap' }}>
            <Button variant="contained" onClick={() => target && onDownload(target)}>
              Download
            </Button>
            {canMove && (
              <Button onClick={() => target && onMove?.(target, false)}>Rename or move</Button>
            )}
            {canCopy && <Button onClick={() => target && onMove?.(target, true)}>Copy</Button>}
            {target && <ShareFileButton target={target} />}
          </Stack>
        </>
      )}
    </Drawer>
  );
}

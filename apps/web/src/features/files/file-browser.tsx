// Browses one granted location: breadcrumbs, search by name start, paging, actions on objects,
// and uploads into the open folder (Upload button, or files dropped anywhere on the page).
import CreateNewFolderOutlined from '@mui/icons-material/CreateNewFolderOutlined';
import RefreshOutlined from '@mui/icons-material/RefreshOutlined';
import SearchOutlined from '@mui/icons-material/SearchOutlined';
import {
  Alert,
  Box,
  Button,
  Link,
  IconButton,
  InputAdornment,
  LinearProgress,
  Paper,
  Snackbar,
  Stack,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import type { EffectivePermissions, FileLocation, ObjectRef } from '@s3am/contracts';
import { useAuth } from '../auth/auth-context';
import { useApiQuery } from '../common/use-api-query';
import { i18n } from '../i18n/i18n';
import { FileTable } from './file-table';
import { api } from '../../api/api-client';
import { actionsInFolder } from './folder-actions';
import { FolderBreadcrumbs } from './folder-breadcrumbs';
import { FolderDropOverlay } from './folder-drop-overlay';
import { FolderUploadButton } from './folder-upload-button';
import { canUploadHere } from './folder-upload-target';
import { NewFolderDialog } from './new-folder-dialog';
import { FolderToolbarActions } from './folder-toolbar-actions';
import { MoveDialog, type MoveTarget } from './move-dialog';
import { ObjectDetailsDrawer } from './object-details-drawer';
import { SelectionActions } from './selection-actions';
import { SelectionSummary } from './selection-summary';
import type { SortOrder } from './sort-entries';
import { useFolderDrop } from './use-folder-drop';
import { useFolderListing } from './use-folder-listing';
import { useFolderUploads } from './use-folder-uploads';
import { useLinkActions } from './use-link-actions';
import { useTranslation } from 'react-i18next';

/** Why files cannot be uploaded to this folder, for the drop overlay and a refused drop. */
function uploadRefusal(role: string | undefined, permissions: EffectivePermissions | null): string {
  if (role !== 'admin' && role !== 'uploader') return i18n.t('files.refusal.role');
  if (!permissions) return i18n.t('files.refusal.loading');
  return i18n.t('files.refusal.grants');
}

export function FileBrowser({
  location,
  prefix,
  permissions,
  onNavigate,
}: {
  location: FileLocation;
  prefix: string;
  /** Null while loading: until then only browsing is offered. */
  permissions: EffectivePermissions | null;
  onNavigate: (prefix: string) => void;
}) {
  const { t } = useTranslation();
  const where = { connectionId: location.connectionId, bucket: location.bucket };
  const [search, setSearch] = useState('');
  const [order, setOrder] = useState<SortOrder>({ field: 'name', direction: 'asc' });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [creatingFolder, setCreatingFolder] = useState(false);
  const [details, setDetails] = useState<ObjectRef | null>(null);
  const [movingObject, setMovingObject] = useState<MoveTarget | null>(null);
  const listing = useFolderListing(where, prefix + search);
  const links = useLinkActions();
  const refOf = (key: string): ObjectRef => ({ ...where, key });
  const allowed = permissions
    ? actionsInFolder(permissions, where, prefix)
    : new Set<string>(['list', 'read']);
  const { user } = useAuth();
  const canUpload = canUploadHere(user?.role, allowed);
  const uploads = useFolderUploads(location, prefix, listing.reload);
  const [dropRefused, setDropRefused] = useState(false);
  const drop = useFolderDrop({
    accept: canUpload,
    onFiles: (files) => void uploads.queue(files),
    onRefused: () => setDropRefused(true),
  });
  const { data: limits } = useApiQuery(
    () => (canUpload ? api.uploadLimits() : Promise.resolve(null)),
    [canUpload],
  );

  const navigate = (next: string) => {
    setSearch('');
    setSelected(new Set());
    onNavigate(next);
  };
  const empty =
    !listing.loading && !listing.error && !listing.folders.length && !listing.objects.length;

  return (
    <Box>
      <Stack
        direction={{ xs: 'column', sm: 'row' }}
        spacing={1}
        sx={{ alignItems: { sm: 'center' }, mb: 2 }}
      >
        <Box sx={{ flexGrow: 1, minWidth: 0 }}>
          <FolderBreadcrumbs location={location} prefix={prefix} onNavigate={navigate} />
        </Box>
        <TextField
          size="small"
          label={t('files.searchByName')}
          value={search}
          onChange={(e) => {
            setSelected(new Set());
            setSearch(e.target.value);
          }}
          slotProps={{
            input: {
              startAdornment: (
                <InputAdornment position="start">
                  <SearchOutlined fontSize="small" />
                </InputAdornment>
              ),
            },
          }}
        />
      </Stack>
      <Stack
        direction="row"
        spacing={{ xs: 0.5, sm: 1 }}
        sx={{
          mb: 1,
          flexWrap: 'wrap',
          alignItems: 'center',
          // Upload, New folder, Delete and Refresh share one line on a phone too.
          '& .MuiButton-root': { px: { xs: 0.75, sm: 1 } },
          '& .MuiButton-contained': { px: { xs: 1.25, sm: 2 } },
        }}
      >
        {canUpload && (
          <FolderUploadButton
            destination={uploads.destination}
            limits={limits}
            place={{ ...where, key: prefix }}
            onFiles={(files) => void uploads.queue(files)}
          />
        )}
        {allowed.has('write') && (
          <Button startIcon={<CreateNewFolderOutlined />} onClick={() => setCreatingFolder(true)}>
            {t('files.newFolder')}
          </Button>
        )}
        <SelectionActions
          where={where}
          prefix={prefix}
          allowed={allowed}
          selected={selected}
          onSelectedChange={setSelected}
          onChanged={listing.reload}
        />
        <FolderToolbarActions
          where={where}
          prefix={prefix}
          allowed={allowed}
          selected={selected}
          objects={listing.objects}
          folders={listing.folders}
          onChanged={listing.reload}
          onLeaveFolder={() => {
            const parent = prefix.slice(0, prefix.slice(0, -1).lastIndexOf('/') + 1);
            navigate(parent.startsWith(location.prefix) ? parent : location.prefix);
          }}
        />
        <Tooltip title={t('files.refresh')}>
          <IconButton
            aria-label={t('files.refresh')}
            onClick={listing.reload}
            sx={{ ml: 'auto !important', p: { xs: 0.5, sm: 1 } }}
          >
            <RefreshOutlined />
          </IconButton>
        </Tooltip>
      </Stack>
      <Paper variant="outlined" sx={{ overflowX: 'auto' }}>
        {listing.loading && <LinearProgress aria-label={t('files.loadingFolder')} />}
        {listing.error && (
          <Alert severity={listing.error.denied ? 'warning' : 'error'} sx={{ m: 2 }}>
            {listing.error.message}
          </Alert>
        )}
        {!listing.error && !empty && (
          <SelectionSummary
            folders={listing.folders}
            objects={listing.objects}
            complete={listing.complete}
            loading={listing.loading}
            selected={selected}
          />
        )}
        {!listing.error && (
          <FileTable
            // A new folder starts with its first rows drawn again.
            key={prefix + search}
            where={where}
            folders={listing.folders}
            objects={listing.objects}
            complete={listing.complete}
            order={order}
            onSort={setOrder}
            selected={selected}
            onSelectedChange={setSelected}
            canRead={allowed.has('read')}
            selectable={allowed.has('delete') || allowed.has('read')}
            onOpenFolder={navigate}
            actions={{
              onDetails: (object) => setDetails(refOf(object.key)),
              onDownload: (object) => void links.download(refOf(object.key)),
              onCopyLink: (object) => void links.copyLink(refOf(object.key)),
            }}
          />
        )}
        {empty && (
          <Typography color="text.secondary" sx={{ p: 3, textAlign: 'center' }}>
            {search ? t('files.noNamesStartWith', { search }) : t('files.emptyFolder')}
          </Typography>
        )}
        {listing.hasMore && (
          <Box sx={{ p: 1, textAlign: 'center' }}>
            <Button onClick={listing.loadMore} disabled={listing.loading}>
              {t('files.loadMore')}
            </Button>
          </Box>
        )}
      </Paper>
      <NewFolderDialog
        open={creatingFolder}
        where={where}
        parent={prefix}
        onClose={() => setCreatingFolder(false)}
        onCreated={listing.reload}
      />
      <ObjectDetailsDrawer
        target={details}
        onClose={() => setDetails(null)}
        onDownload={(ref) => void links.download(ref)}
        canMove={allowed.has('write') && allowed.has('delete')}
        canCopy={allowed.has('write')}
        canWrite={allowed.has('write')}
        onMove={(ref, copy) => {
          setDetails(null);
          setMovingObject({ source: ref.key, copy });
        }}
      />
      <MoveDialog
        where={where}
        target={movingObject}
        onClose={() => setMovingObject(null)}
        onChanged={listing.reload}
      />
      <FolderDropOverlay
        open={drop.dragging}
        destination={uploads.destination}
        refusal={canUpload ? null : uploadRefusal(user?.role, permissions)}
      />
      <Snackbar
        open={uploads.notice !== null}
        autoHideDuration={6000}
        onClose={uploads.clearNotice}
        message={uploads.notice}
        action={
          <Link component={RouterLink} to="/uploads" color="inherit" sx={{ mx: 1 }}>
            {t('files.showProgress')}
          </Link>
        }
      />
      <Snackbar open={dropRefused} autoHideDuration={6000} onClose={() => setDropRefused(false)}>
        <Alert severity="warning" variant="filled" onClose={() => setDropRefused(false)}>
          {uploadRefusal(user?.role, permissions)}
        </Alert>
      </Snackbar>
      <Snackbar
        open={links.notice !== null}
        autoHideDuration={links.notice?.error ? null : 5000}
        onClose={links.clearNotice}
      >
        <Alert
          severity={links.notice?.error ? 'error' : 'success'}
          onClose={links.clearNotice}
          variant="filled"
        >
          {links.notice?.message}
        </Alert>
      </Snackbar>
    </Box>
  );
}

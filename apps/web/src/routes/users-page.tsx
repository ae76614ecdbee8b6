// Users (admins): search, sort and page on the server; create; open one to change it.
import PersonAddOutlined from '@mui/icons-material/PersonAddOutlined';
import { Alert, Box, Button, Chip, Stack, TextField, Typography } from '@mui/material';
import {
  DataGrid,
  type GridCellParams,
  type GridColDef,
  type GridPaginationModel,
  type GridRowParams,
  type GridSortModel,
} from '@mui/x-data-grid';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { UserSortField, type UserView } from '@s3am/contracts';
import { api } from '../api/api-client';
import { useApiQuery } from '../features/common/use-api-query';
import { formatDate, formatDateTime } from '../features/i18n/intl-format';
import { NewUserDialog } from '../features/users/new-user-dialog';
import { RequireTotpSwitch } from '../features/users/security-settings-switch';
import { UserDetailDialog } from '../features/users/user-detail-dialog';

function userColumns(t: TFunction): GridColDef<UserView>[] {
  return [
    { field: 'email', headerName: t('users.columns.email'), flex: 2, minWidth: 220 },
    {
      field: 'role',
      headerName: t('users.columns.role'),
      width: 120,
      renderCell: ({ row }) => <Chip size="small" label={t(`common.roles.${row.role}`)} />,
    },
    {
      field: 'disabled',
      headerName: t('users.columns.status'),
      width: 120,
      sortable: false,
      renderCell: ({ value }) =>
        value ? (
          <Chip size="small" color="error" label={t('users.disabled')} />
        ) : (
          <Chip size="small" color="success" variant="outlined" label={t('users.active')} />
        ),
    },
    {
      field: 'totpEnabled',
      headerName: t('users.columns.twoFactor'),
      width: 80,
      sortable: false,
      valueFormatter: (value: boolean) => (value ? t('users.on') : t('users.off')),
    },
    {
      field: 'lastLoginAt',
      headerName: t('users.columns.lastSignIn'),
      width: 190,
      valueFormatter: (value: string | null) => (value ? formatDateTime(value) : t('common.never')),
    },
    {
      field: 'createdAt',
      headerName: t('users.columns.created'),
      width: 130,
      valueFormatter: (value: string) => formatDate(value),
    },
  ];
}

export function UsersPage() {
  const { t, i18n } = useTranslation();
  // Rebuilt when the language changes: headers and cells speak it.
  const columns = useMemo(() => userColumns(t), [t, i18n.resolvedLanguage]);
  const [search, setSearch] = useState('');
  const [pagination, setPagination] = useState<GridPaginationModel>({ page: 0, pageSize: 25 });
  const [sort, setSort] = useState<GridSortModel>([{ field: 'email', sort: 'asc' }]);
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<UserView | null>(null);

  const { data, error, loading, reload } = useApiQuery(async () => {
    const query = {
      q: search || undefined,
      page: pagination.page + 1,
      pageSize: pagination.pageSize,
      // Only sortable columns reach here; anything else falls back to the default order.
      sort: UserSortField.safeParse(sort[0]?.field).data,
      order: sort[0]?.sort ?? 'asc',
    };
    return api.listUsers({ query });
  }, [search, pagination, sort]);

  return (
    <Box>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 3, flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          {t('users.title')}
        </Typography>
        <RequireTotpSwitch />
        <TextField
          size="small"
          label={t('users.search')}
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setPagination({ ...pagination, page: 0 });
          }}
        />
        <Button
          variant="contained"
          startIcon={<PersonAddOutlined />}
          onClick={() => setCreating(true)}
        >
          {t('users.newUser')}
        </Button>
      </Stack>
      {error && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {error}
        </Alert>
      )}
      <DataGrid
        aria-label={t('users.grid')}
        rows={data?.items ?? []}
        columns={columns}
        rowCount={data?.total ?? 0}
        loading={loading}
        paginationMode="server"
        sortingMode="server"
        paginationModel={pagination}
        onPaginationModelChange={setPagination}
        sortModel={sort}
        onSortModelChange={setSort}
        pageSizeOptions={[10, 25, 50, 100]}
        onRowClick={({ row }: GridRowParams<UserView>) => setSelected(row)}
        // Keyboard users open a row like a button: Enter or Space on any of its cells.
        onCellKeyDown={({ row }: GridCellParams<UserView>, event) => {
          if (event.key !== 'Enter' && event.key !== ' ') return;
          event.preventDefault();
          event.defaultMuiPrevented = true;
          setSelected(row);
        }}
        disableColumnFilter
        disableRowSelectionOnClick
        autoHeight
        sx={{ bgcolor: 'background.paper', '& .MuiDataGrid-row': { cursor: 'pointer' } }}
      />
      <NewUserDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={() => void reload()}
      />
      <UserDetailDialog
        user={selected}
        onClose={() => setSelected(null)}
        onChanged={() => void reload()}
      />
    </Box>
  );
}

// Picks one or several users by typing part of their email (searched on the server).
import { Autocomplete, TextField } from '@mui/material';
import { useState } from 'react';
import { useApiQuery } from '../common/use-api-query';
import { searchUsers, type UserOption } from './permissions-api';

function useUserOptions(query: string) {
  return useApiQuery(() => searchUsers(query), [query]);
}

const sameUser = (a: UserOption, b: UserOption) => a.id === b.id;

export function UserPicker({
  label,
  value,
  onChange,
}: {
  label: string;
  value: UserOption | null;
  onChange: (user: UserOption | null) => void;
}) {
  const [query, setQuery] = useState('');
  const { data, loading } = useUserOptions(query);
  return (
    <Autocomplete
      options={data ?? []}
      value={value}
      loading={loading}
      filterOptions={(options) => options}
      getOptionLabel={(option) => option.email}
      isOptionEqualToValue={sameUser}
      onInputChange={(_, text, reason) => {
        if (reason === 'input' || reason === 'clear') setQuery(text);
      }}
      onChange={(_, user) => onChange(user)}
      renderInput={(params) => <TextField {...params} label={label} />}
    />
  );
}

export function UsersPicker({
  label,
  value,
  onChange,
}: {
  label: string;
  value: UserOption[];
  onChange: (users: UserOption[]) => void;
}) {
  const [query, setQuery] = useState('');
  const { data, loading } = useUserOptions(query);
  return (
    <Autocomplete
      multiple
      options={data ?? []}
      value={value}
      loading={loading}
      filterOptions={(options) => options}
      getOptionLabel={(option) => option.email}
      isOptionEqualToValue={sameUser}
      onInputChange={(_, text, reason) => {
        if (reason === 'input' || reason === 'clear') setQuery(text);
      }}
      onChange={(_, users) => onChange(users)}
      renderInput={(params) => <TextField {...params} label={label} />}
    />
  );
}

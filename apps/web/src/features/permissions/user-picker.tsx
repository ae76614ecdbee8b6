// Picks one or several users by typing part of their email (searched on the server).
import { Autocomplete, TextField, type AutocompleteRenderInputParams } from '@mui/material';
import { useState } from 'react';
import { useApiQuery } from '../common/use-api-query';
import { searchUsers, type UserOption } from './permissions-api';

/** What both pickers share: server-side search as the person types, users told apart by id. */
function useUserSearch(label: string) {
  const [query, setQuery] = useState('');
  const { data, loading } = useApiQuery(() => searchUsers(query), [query]);
  return {
    options: data ?? [],
    loading,
    // The server already filtered by the typed text.
    filterOptions: (options: UserOption[]) => options,
    getOptionLabel: (option: UserOption) => option.email,
    isOptionEqualToValue: (a: UserOption, b: UserOption) => a.id === b.id,
    onInputChange: (_: unknown, text: string, reason: string) => {
      if (reason === 'input' || reason === 'clear') setQuery(text);
    },
    renderInput: (params: AutocompleteRenderInputParams) => <TextField {...params} label={label} />,
  };
}

export function UserPicker({
  label,
  value,
  onChange,
}: {
  label: string;
  value: UserOption | null;
  onChange: (user: UserOption | null) => void;
}) {
  const search = useUserSearch(label);
  return <Autocomplete {...search} value={value} onChange={(_, user) => onChange(user)} />;
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
  const search = useUserSearch(label);
  return (
    <Autocomplete multiple {...search} value={value} onChange={(_, users) => onChange(users)} />
  );
}

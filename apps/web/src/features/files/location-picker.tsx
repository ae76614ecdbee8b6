// Chooses where to browse among the caller's granted locations (admins: every bucket).
import { MenuItem, TextField } from '@mui/material';
import type { FileLocation } from '@s3am/contracts';
import { useTranslation } from 'react-i18next';

export function locationKey(location: FileLocation): string {
  return `${location.connectionId}|${location.bucket}|${location.prefix}`;
}

export function locationLabel(location: FileLocation): string {
  return `${location.connectionName} · ${location.bucket}/${location.prefix}`;
}

export function LocationPicker({
  locations,
  selected,
  onSelect,
}: {
  locations: FileLocation[];
  selected: FileLocation | null;
  onSelect: (location: FileLocation) => void;
}) {
  const { t } = useTranslation();
  return (
    <TextField
      select
      size="small"
      label={t('files.location')}
      value={selected ? locationKey(selected) : ''}
      onChange={(event) => {
        const location = locations.find((l) => locationKey(l) === event.target.value);
        if (location) onSelect(location);
      }}
      sx={{ minWidth: { xs: '100%', sm: 280 }, maxWidth: '100%' }}
    >
      {locations.map((location) => (
        <MenuItem key={locationKey(location)} value={locationKey(location)}>
          {locationLabel(location)}
        </MenuItem>
      ))}
    </TextField>
  );
}

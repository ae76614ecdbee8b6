// App bar button that picks light, dark or the system's colour mode (remembered on this device).
import CheckOutlined from '@mui/icons-material/CheckOutlined';
import DarkModeOutlined from '@mui/icons-material/DarkModeOutlined';
import LightModeOutlined from '@mui/icons-material/LightModeOutlined';
import SettingsBrightnessOutlined from '@mui/icons-material/SettingsBrightnessOutlined';
import { IconButton, ListItemIcon, ListItemText, Menu, MenuItem, Tooltip } from '@mui/material';
import { useState } from 'react';
import { useColorMode, type ColorModePreference } from './color-mode';

interface Choice {
  value: ColorModePreference;
  label: string;
  icon: typeof LightModeOutlined;
}
const SYSTEM: Choice = {
  value: 'system',
  label: 'Same as system',
  icon: SettingsBrightnessOutlined,
};
const CHOICES: Choice[] = [
  { value: 'light', label: 'Light', icon: LightModeOutlined },
  { value: 'dark', label: 'Dark', icon: DarkModeOutlined },
  SYSTEM,
];

export function ColorModeButton() {
  const { preference, setPreference } = useColorMode();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const current = CHOICES.find((choice) => choice.value === preference) ?? SYSTEM;
  const CurrentIcon = current.icon;
  return (
    <>
      <Tooltip title={`Theme: ${current.label.toLowerCase()}`}>
        <IconButton
          aria-label="Colour mode"
          aria-haspopup="menu"
          onClick={(event) => setAnchor(event.currentTarget)}
        >
          <CurrentIcon />
        </IconButton>
      </Tooltip>
      <Menu
        anchorEl={anchor}
        open={anchor !== null}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
      >
        {CHOICES.map(({ value, label, icon: Icon }) => (
          <MenuItem
            key={value}
            selected={value === preference}
            onClick={() => {
              setPreference(value);
              setAnchor(null);
            }}
          >
            <ListItemIcon>
              <Icon fontSize="small" />
            </ListItemIcon>
            <ListItemText>{label}</ListItemText>
            {value === preference && <CheckOutlined fontSize="small" sx={{ ml: 2 }} />}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}

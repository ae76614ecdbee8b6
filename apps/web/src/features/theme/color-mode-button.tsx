// App bar button that picks light, dark or the system's colour mode (remembered on this device).
import CheckOutlined from '@mui/icons-material/CheckOutlined';
import DarkModeOutlined from '@mui/icons-material/DarkModeOutlined';
import LightModeOutlined from '@mui/icons-material/LightModeOutlined';
import SettingsBrightnessOutlined from '@mui/icons-material/SettingsBrightnessOutlined';
import { IconButton, ListItemIcon, ListItemText, Menu, MenuItem, Tooltip } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useColorMode, type ColorModePreference } from './color-mode';

interface Choice {
  value: ColorModePreference;
  icon: typeof LightModeOutlined;
}
const SYSTEM: Choice = { value: 'system', icon: SettingsBrightnessOutlined };
const CHOICES: Choice[] = [
  { value: 'light', icon: LightModeOutlined },
  { value: 'dark', icon: DarkModeOutlined },
  SYSTEM,
];

export function ColorModeButton() {
  const { preference, setPreference } = useColorMode();
  const { t } = useTranslation();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const current = CHOICES.find((choice) => choice.value === preference) ?? SYSTEM;
  const CurrentIcon = current.icon;
  return (
    <>
      <Tooltip title={t('shell.theme', { mode: t(`shell.modes.${current.value}`) })}>
        <IconButton
          aria-label={t('shell.colourMode')}
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
        {CHOICES.map(({ value, icon: Icon }) => (
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
            <ListItemText>{t(`shell.modes.${value}`)}</ListItemText>
            {value === preference && <CheckOutlined fontSize="small" sx={{ ml: 2 }} />}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}

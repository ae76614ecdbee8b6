// The language menu, loaded the first time someone opens it (the sign-in page stays light).
import CheckOutlined from '@mui/icons-material/CheckOutlined';
import { ListItemText, Menu, MenuItem } from '@mui/material';
import { LOCALES, currentLocale, setLocale } from './i18n';

export default function LocaleMenu({
  anchor,
  onClose,
}: {
  anchor: HTMLElement | null;
  onClose: () => void;
}) {
  const active = currentLocale();
  return (
    <Menu
      anchorEl={anchor}
      open={anchor !== null}
      onClose={onClose}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
      transformOrigin={{ vertical: 'top', horizontal: 'right' }}
    >
      {LOCALES.map(({ code, name }) => (
        <MenuItem
          key={code}
          lang={code}
          selected={code === active}
          onClick={() => {
            onClose();
            void setLocale(code);
          }}
        >
          <ListItemText>{name}</ListItemText>
          {code === active && <CheckOutlined fontSize="small" sx={{ ml: 2 }} />}
        </MenuItem>
      ))}
    </Menu>
  );
}

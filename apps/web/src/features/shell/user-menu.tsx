// Account menu: who is signed in, API docs, profile, password, sign out.
import AccountCircleOutlined from '@mui/icons-material/AccountCircleOutlined';
import DescriptionOutlined from '@mui/icons-material/DescriptionOutlined';
import LockResetOutlined from '@mui/icons-material/LockResetOutlined';
import LogoutOutlined from '@mui/icons-material/LogoutOutlined';
import {
  Avatar,
  Box,
  Chip,
  Divider,
  IconButton,
  ListItemIcon,
  Menu,
  MenuItem,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth } from '../auth/auth-context';

export function UserMenu() {
  const { user, signOut } = useAuth();
  const navigate = useNavigate();
  const { t } = useTranslation();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  if (!user) return null;
  const close = () => setAnchor(null);

  return (
    <>
      <IconButton
        aria-label={t('shell.accountMenu')}
        onClick={(event) => setAnchor(event.currentTarget)}
        size="small"
      >
        <Avatar sx={{ width: 34, height: 34, bgcolor: 'secondary.main', fontSize: 16 }}>
          {user.email.charAt(0).toUpperCase()}
        </Avatar>
      </IconButton>
      <Menu
        anchorEl={anchor}
        open={anchor !== null}
        onClose={close}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{ paper: { sx: { minWidth: 260 } } }}
      >
        <Box sx={{ px: 2, py: 1.5 }}>
          <Typography variant="subtitle2" noWrap>
            {user.email}
          </Typography>
          <Chip label={t(`common.roles.${user.role}`)} size="small" sx={{ mt: 0.5 }} />
        </Box>
        <Divider />
        <MenuItem component="a" href="/docs" target="_blank" rel="noopener" onClick={close}>
          <ListItemIcon>
            <DescriptionOutlined fontSize="small" />
          </ListItemIcon>
          {t('shell.apiDocs')}
        </MenuItem>
        <MenuItem
          onClick={() => {
            close();
            void navigate('/profile');
          }}
        >
          <ListItemIcon>
            <AccountCircleOutlined fontSize="small" />
          </ListItemIcon>
          {t('shell.profileAndSecurity')}
        </MenuItem>
        <MenuItem
          onClick={() => {
            close();
            void navigate('/change-password');
          }}
        >
          <ListItemIcon>
            <LockResetOutlined fontSize="small" />
          </ListItemIcon>
          {t('shell.changePassword')}
        </MenuItem>
        <MenuItem
          onClick={() => {
            close();
            void signOut().then(() => navigate('/login', { replace: true }));
          }}
        >
          <ListItemIcon>
            <LogoutOutlined fontSize="small" />
          </ListItemIcon>
          {t('shell.logOut')}
        </MenuItem>
      </Menu>
    </>
  );
}

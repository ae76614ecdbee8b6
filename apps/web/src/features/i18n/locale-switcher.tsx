// The app bar's button that picks the interface language (the sign-in page has LocaleButton).
import TranslateOutlined from '@mui/icons-material/TranslateOutlined';
import { IconButton, Tooltip } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useLocaleMenu } from './use-locale-menu';

export function LocaleSwitcher() {
  const { t } = useTranslation();
  const { open, menu } = useLocaleMenu();
  return (
    <>
      <Tooltip title={t('shell.language')}>
        <IconButton aria-label={t('shell.language')} aria-haspopup="menu" onClick={open}>
          <TranslateOutlined />
        </IconButton>
      </Tooltip>
      {menu}
    </>
  );
}

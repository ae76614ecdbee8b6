// The sign-in page's language button: it names the language in use, so it needs no tooltip (and
// the sign-in page no tooltip code).
import TranslateOutlined from '@mui/icons-material/TranslateOutlined';
import { Button } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { currentLocale, LOCALES } from './i18n';
import { useLocaleMenu } from './use-locale-menu';

export function LocaleButton() {
  const { t } = useTranslation();
  const { open, menu } = useLocaleMenu();
  const name = LOCALES.find((locale) => locale.code === currentLocale())?.name;
  return (
    <>
      <Button
        size="small"
        color="inherit"
        startIcon={<TranslateOutlined />}
        aria-label={`${t('shell.language')}: ${name}`}
        aria-haspopup="menu"
        onClick={open}
      >
        {name}
      </Button>
      {menu}
    </>
  );
}

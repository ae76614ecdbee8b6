// App bar (and sign-in page) button that picks the interface language.
import TranslateOutlined from '@mui/icons-material/TranslateOutlined';
import { IconButton, Tooltip } from '@mui/material';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';

const LocaleMenu = lazy(() => import('./locale-menu'));

export function LocaleSwitcher() {
  const { t } = useTranslation();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  // Mounted from the first opening on, so the menu's closing transition still plays.
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Tooltip title={t('shell.language')}>
        <IconButton
          aria-label={t('shell.language')}
          aria-haspopup="menu"
          onClick={(event) => {
            setAnchor(event.currentTarget);
            setOpened(true);
          }}
        >
          <TranslateOutlined />
        </IconButton>
      </Tooltip>
      {opened && (
        <Suspense fallback={null}>
          <LocaleMenu anchor={anchor} onClose={() => setAnchor(null)} />
        </Suspense>
      )}
    </>
  );
}

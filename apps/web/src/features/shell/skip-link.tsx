// "Skip to main content": the first stop of the Tab key, hidden until focused, so keyboard and
// screen-reader users jump past the app bar and navigation to the page itself.
import { Link } from '@mui/material';
import { useTranslation } from 'react-i18next';

export const MAIN_CONTENT_ID = 'main-content';

export function SkipLink() {
  const { t } = useTranslation();
  return (
    <Link
      href={`#${MAIN_CONTENT_ID}`}
      onClick={(event) => {
        // Move focus, not only the scroll position, and keep the router's URL free of a hash.
        event.preventDefault();
        document.getElementById(MAIN_CONTENT_ID)?.focus();
      }}
      sx={{
        position: 'fixed',
        top: 8,
        left: 8,
        zIndex: (theme) => theme.zIndex.tooltip + 1,
        px: 2,
        py: 1,
        borderRadius: 1,
        bgcolor: 'background.paper',
        boxShadow: 3,
        fontWeight: 600,
        // Off screen until it has focus (not display:none, which would take it out of the Tab order).
        transform: 'translateY(-200%)',
        '&:focus': { transform: 'none', outline: '3px solid', outlineColor: 'primary.main' },
      }}
    >
      {t('shell.skipToContent')}
    </Link>
  );
}

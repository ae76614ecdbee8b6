// Opening the language menu from any button: the menu's code loads the first time it opens.
import { lazy, Suspense, useState, type MouseEvent, type ReactNode } from 'react';

const LocaleMenu = lazy(() => import('./locale-menu'));

export function useLocaleMenu(): {
  open: (event: MouseEvent<HTMLElement>) => void;
  menu: ReactNode;
} {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  // Mounted from the first opening on, so the menu's closing transition still plays.
  const [opened, setOpened] = useState(false);
  return {
    open: (event) => {
      setAnchor(event.currentTarget);
      setOpened(true);
    },
    menu: opened && (
      <Suspense fallback={null}>
        <LocaleMenu anchor={anchor} onClose={() => setAnchor(null)} />
      </Suspense>
    ),
  };
}

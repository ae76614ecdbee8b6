// After an in-app navigation, focus moves to the new page's <h1> (and the tab title follows it):
// screen readers announce where people landed, and the next Tab starts in the page, not at the
// top of the app bar. On the first load only the title follows (the browser decides focus there).
import { useEffect, useRef, type RefObject } from 'react';
import { useLocation } from 'react-router';

const APP_NAME = 'S3 Access Manager';

/** Calls `found` with the first <h1> inside `root`, now or once it renders; returns a cleanup. */
function whenHeadingRenders(root: HTMLElement, found: (heading: HTMLElement) => void): () => void {
  const heading = root.querySelector('h1');
  if (heading) {
    found(heading);
    return () => undefined;
  }
  // Pages that load their code or data first render the heading a moment later.
  const observer = new MutationObserver(() => {
    const rendered = root.querySelector('h1');
    if (!rendered) return;
    observer.disconnect();
    found(rendered);
  });
  observer.observe(root, { childList: true, subtree: true });
  const giveUp = setTimeout(() => observer.disconnect(), 10_000);
  return () => {
    observer.disconnect();
    clearTimeout(giveUp);
  };
}

export function useHeadingFocus(mainRef: RefObject<HTMLElement | null>): void {
  const { pathname } = useLocation();
  // The path last seen: null on the first load; equal on React's repeated effect runs.
  const shownPath = useRef<string | null>(null);
  useEffect(() => {
    const main = mainRef.current;
    if (!main) return;
    const moveFocus = shownPath.current !== null && shownPath.current !== pathname;
    shownPath.current = pathname;
    return whenHeadingRenders(main, (heading) => {
      document.title = `${heading.textContent ?? ''} · ${APP_NAME}`;
      if (!moveFocus) return;
      heading.tabIndex = -1;
      heading.focus();
    });
  }, [pathname, mainRef]);
}

// How many rows of a long listing are drawn: the whole folder is loaded (sorting and select all
// cover it), but drawing thousands of table rows at once stalls the page, so rows are drawn 200
// at a time as the end of the table scrolls into view (or "Show more rows" is pressed).
import { useCallback, useEffect, useRef, useState } from 'react';

export const ROW_WINDOW = 200;

export function useRowWindow(total: number) {
  const [limit, setLimit] = useState(ROW_WINDOW);
  const sentinel = useRef<HTMLTableRowElement>(null);
  const showMore = useCallback(() => setLimit((current) => current + ROW_WINDOW), []);
  const remaining = Math.max(0, total - limit);

  useEffect(() => {
    const element = sentinel.current;
    if (!element || remaining === 0) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) showMore();
      },
      { rootMargin: '400px 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [remaining, showMore]);

  return { limit, remaining, showMore, sentinel };
}

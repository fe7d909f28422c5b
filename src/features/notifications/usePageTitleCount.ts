import { useEffect } from 'react';
import { titleWithCount } from '../../reconcile/notifications';

/**
 * Prefixes the page title with what needs you (the bell's count): "(3) Lookout". Pages set their own titles, so
 * the prefix is put back whenever the <title> changes.
 */
export function usePageTitleCount(count: number): void {
  useEffect(() => {
    const apply = () => {
      const next = titleWithCount(document.title, count);
      if (next !== document.title) document.title = next;
    };
    apply();
    const title = document.querySelector('title');
    if (!title || typeof MutationObserver === 'undefined') return;
    const observer = new MutationObserver(apply);
    observer.observe(title, { childList: true, characterData: true, subtree: true });
    return () => {
      observer.disconnect();
      document.title = titleWithCount(document.title, 0);
    };
  }, [count]);
}

import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/**
 * After a navigation inside the app, focus goes to the new page's main heading (or the main region), so keyboard and
 * screen-reader users start on the page they asked for instead of the body. The first load keeps the browser's focus.
 */
export function RouteFocus() {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    let tries = 0;
    // lazy pages and their data arrive a moment later: wait briefly for the heading
    const timer = window.setInterval(() => {
      const main = document.getElementById('main');
      const heading = main?.querySelector<HTMLElement>('h1');
      if (heading || ++tries > 20) {
        window.clearInterval(timer);
        const target = heading ?? main;
        if (!target) return;
        // a page that put focus somewhere itself (a form's first field, the chat composer) keeps it
        const active = document.activeElement;
        if (active && active !== document.body && main?.contains(active) && active !== main) return;
        if (target === heading && !heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
        target.focus({ preventScroll: false });
      }
    }, 50);
    return () => window.clearInterval(timer);
  }, [pathname]);
  return null;
}

import { useEffect } from 'react';

export const APP_NAME = 'Devolve';

/** The browser tab's title for a screen: "Tool library · Devolve" (just "Devolve" while the name is unknown). */
export function usePageTitle(title: string | null | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · ${APP_NAME}` : APP_NAME;
  }, [title]);
}

/**
 * After an in-app navigation, focus goes to the new screen's main heading (once it is drawn, since screens load
 * their data first), so that a screen reader starts reading the new screen and Tab starts from it. A screen may
 * draw its heading again as the rest of its data arrives (a form that loads its circle): while focus has nowhere
 * else to be, the heading drawn anew takes it, for a few seconds; once the person moves focus themselves, it stays.
 */
export function focusMainHeading(main: HTMLElement, timeoutMs = 5000): () => void {
  let focused: HTMLElement | null = null;
  const focus = () => {
    const heading = main.querySelector<HTMLElement>('h1');
    if (!heading || (heading === focused && document.activeElement === heading)) return;
    const active = document.activeElement;
    if (focused && active && active !== document.body && active !== focused) {
      stop(); // the person has moved on
      return;
    }
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
    focused = heading;
  };
  const observer = new MutationObserver(focus);
  const timer = setTimeout(() => stop(), timeoutMs);
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
  };
  observer.observe(main, { childList: true, subtree: true });
  focus();
  return stop;
}

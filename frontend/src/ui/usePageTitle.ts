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
 * their data first), so that a screen reader starts reading the new screen and Tab starts from it.
 */
export function focusMainHeading(main: HTMLElement, timeoutMs = 5000): () => void {
  const focus = (): boolean => {
    const heading = main.querySelector<HTMLElement>('h1');
    if (!heading) return false;
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
    return true;
  };
  if (focus()) return () => undefined;
  const observer = new MutationObserver(() => focus() && stop());
  const timer = setTimeout(() => stop(), timeoutMs);
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
  };
  observer.observe(main, { childList: true, subtree: true });
  return stop;
}

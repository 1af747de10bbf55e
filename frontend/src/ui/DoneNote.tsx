import { useLayoutEffect, useRef } from 'react';

/**
 * The confirmation after an action ("Your argument is posted."), focused when it appears, so that keyboard and
 * screen-reader users learn the action worked and continue from there. `stamp` changes with each action.
 */
export function DoneNote({ message, stamp }: { message: string; stamp: number }) {
  const note = useRef<HTMLParagraphElement>(null);
  useLayoutEffect(() => {
    if (stamp > 0) note.current?.focus();
  }, [stamp]);
  if (stamp === 0) return null;
  return (
    <p ref={note} className="ok done-note" role="status" tabIndex={-1}>
      {message}
    </p>
  );
}

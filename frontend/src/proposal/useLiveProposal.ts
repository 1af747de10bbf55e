import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { bearer } from '../api/client';
import { followEvents } from '../api/sse';
import type { Turnout } from '../api/types';

/**
 * The proposal's live stream: the latest turnout, and a callback on phase changes and new arguments, so
 * that the screen updates without a reload.
 */
export function useLiveProposal(id: string, on: { phase: () => void; argument: () => void }): Turnout | null {
  const [turnout, setTurnout] = useState<Turnout | null>(null);
  const handlers = useRef(on);
  useLayoutEffect(() => {
    handlers.current = on;
  });
  useEffect(
    () =>
      followEvents(`/api/v1/proposals/${encodeURIComponent(id)}/events`, bearer, (event) => {
        if (event.name === 'turnout') setTurnout(JSON.parse(event.data) as Turnout);
        else if (event.name === 'phase') handlers.current.phase();
        else if (event.name === 'argument') handlers.current.argument();
      }),
    [id],
  );
  return turnout;
}

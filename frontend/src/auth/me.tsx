import { createContext, useContext, type ReactNode } from 'react';
import type { Me } from '../api/types';

const MeContext = createContext<Me | null>(null);

export function MeProvider({ me, children }: { me: Me; children: ReactNode }) {
  return <MeContext.Provider value={me}>{children}</MeContext.Provider>;
}

/** The signed-in member as the service knows them: id, roles, circles. */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe outside MeProvider');
  return me;
}

export function isAdmin(me: Me): boolean {
  return (me.roles ?? []).includes('admin');
}

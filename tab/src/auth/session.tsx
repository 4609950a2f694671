import { createContext, useContext } from 'react';
import type { ApiClient } from '../api/client';
import type { PublicConfig } from '../../../src/contract';

/** The signed-in session the views work in. */
export interface Session {
  api: ApiClient;
  config: PublicConfig;
  /** The signed-in person's display name, when known. */
  name?: string;
  /** Local mode: back to the persona picker. */
  switchPerson?: () => void;
}

/** Set by the auth gate once someone is signed in. */
export const SessionContext = createContext<Session | null>(null);

/** The session; views render only inside the auth gate, so it always exists there. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside the auth gate');
  return session;
}

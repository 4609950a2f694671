import { createContext, useContext } from 'react';
import type { HostState } from './host-state';
import type { TeamsSdk } from './teams-sdk';

/** The host the tab runs in, and the Teams SDK seam when there is one. */
export interface Host {
  state: HostState;
  sdk?: TeamsSdk;
}

/** Set by the app once the host is known; `starting` until then. */
export const HostContext = createContext<Host>({ state: { phase: 'starting' } });

export function useHost(): Host {
  return useContext(HostContext);
}

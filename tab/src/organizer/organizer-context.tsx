import { createContext, useContext } from 'react';
import type { OrganizerApi } from './organizer-api';

/** Who is looking: the administration edits; the board only reads. */
export interface OrganizerSession {
  api: OrganizerApi;
  canEdit: boolean;
  schoolYear: string;
}

export const OrganizerContext = createContext<OrganizerSession | null>(null);

/** The organizer session; the organizer page provides it to every view under it. */
export function useOrganizer(): OrganizerSession {
  const session = useContext(OrganizerContext);
  if (!session) throw new Error('useOrganizer outside the organizer page');
  return session;
}

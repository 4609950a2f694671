import { useEffect } from 'react';
import { prefetch } from '../api/prefetch';
import { useSession } from '../auth/session';
import type { OrganizerView } from '../route';
import { OrganizerApi } from './organizer-api';
import { recentSchoolYears } from './school-years';

/** The school year the organizer's page opens on: the current one. */
export const openingSchoolYear = (): string => recentSchoolYears()[0] ?? '';

/**
 * Starts the organizer page's reads as soon as the user is signed in, side by side and while the
 * page's code still loads: who the user is, whether the site is set up, and (for the roll-up, the
 * front view) the current school year's roll-up. Without it each waited for the one before.
 */
export function PrefetchOrganizer({ section }: { section: OrganizerView | undefined }) {
  const { api } = useSession();
  useEffect(() => {
    prefetch('me', 'me', () => api.me());
    prefetch('setup', 'setup', () => api.call('GET /setup', {}));
    if (section === undefined || section === 'rollup') {
      const schoolYear = openingSchoolYear();
      prefetch('rollup', schoolYear, () => new OrganizerApi(api).rollup(schoolYear));
    }
  }, [api, section]);
  return null;
}

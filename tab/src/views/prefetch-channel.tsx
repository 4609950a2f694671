import { useEffect } from 'react';
import { prefetch } from '../api/prefetch';
import { useSession } from '../auth/session';

/**
 * Starts the overview's reads as soon as the user is signed in, while the channel tab's code is
 * still loading, so the first view does not wait for its code and then for its data.
 */
export function PrefetchChannel({ unitId, view }: { unitId: string; view: string | null }) {
  const { api } = useSession();
  useEffect(() => {
    prefetch(`unit:${unitId}`, () => api.unit(unitId));
    if (view === null || view === 'overview') prefetch(`overview:${unitId}`, () => api.overview(unitId));
  }, [api, unitId, view]);
  return null;
}

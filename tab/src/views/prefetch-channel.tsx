import { useEffect } from 'react';
import { prefetch } from '../api/prefetch';
import { useSession } from '../auth/session';
import type { ChannelView } from '../route';

/**
 * Starts the reads of the channel view the route asks for as soon as the user is signed in, while
 * the channel tab's code is still loading, so the first view does not wait for its code and then
 * for its data. `view` is the route's own (an unknown `?view=` is already the overview).
 */
export function PrefetchChannel({ unitId, view }: { unitId: string; view: ChannelView }) {
  const { api } = useSession();
  useEffect(() => {
    prefetch('unit', unitId, () => api.unit(unitId));
    if (view === 'overview') prefetch('overview', unitId, () => api.overview(unitId));
  }, [api, unitId, view]);
  return null;
}

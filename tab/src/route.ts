/** Which page the URL (and the host's frame context) asks for. */
export type Route = { page: 'config' } | { page: 'myActions' } | { page: 'channel'; unitId?: string }
  | { page: 'organizer' } | { page: 'unitFeedback'; unitId: string };

/** Reads the route: `/config` or the settings frame → config; `?view=my-actions` → personal tab. */
export function routeFrom(location: { pathname: string; search: string }, frameContext?: string): Route {
  const params = new URLSearchParams(location.search);
  if (frameContext === 'settings' || location.pathname.replace(/\/+$/, '') === '/config') return { page: 'config' };
  if (params.get('view') === 'my-actions') return { page: 'myActions' };
  // the organizer's tab (administration and board), and the unit's side of feedback
  if (params.get('view') === 'organizer') return { page: 'organizer' };
  const unitId = params.get('unitId') ?? undefined;
  if (params.get('view') === 'feedback' && unitId) return { page: 'unitFeedback', unitId };
  return unitId ? { page: 'channel', unitId } : { page: 'channel' };
}

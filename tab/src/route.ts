/** Which page the URL (and the host's frame context) asks for. */
export type Route = { page: 'config' } | { page: 'myActions' } | { page: 'channel'; unitId?: string }
  | { page: 'organizer' } | { page: 'unitFeedback'; unitId: string } | { page: 'unitYearWheel'; unitId: string }
  /** a meeting surface: the side panel, the stage, or the details tab (a content frame inside a meeting) */
  | { page: 'meeting'; surface: 'sidePanel' | 'stage' | 'details'; meetingId?: string };

/** Reads the route: `/config` or the settings frame → config; `?view=my-actions` → personal tab. */
export function routeFrom(location: { pathname: string; search: string }, frameContext?: string, teamsMeetingId?: string): Route {
  const params = new URLSearchParams(location.search);
  if (frameContext === 'settings' || location.pathname.replace(/\/+$/, '') === '/config') return { page: 'config' };
  const meeting = meetingRoute(location.pathname, params, frameContext, teamsMeetingId);
  if (meeting) return meeting;
  if (params.get('view') === 'my-actions') return { page: 'myActions' };
  // the organizer's tab (administration and board), and the unit's side of feedback
  if (params.get('view') === 'organizer') return { page: 'organizer' };
  const unitId = params.get('unitId') ?? undefined;
  if (params.get('view') === 'feedback' && unitId) return { page: 'unitFeedback', unitId };
  if (params.get('view') === 'year-wheel' && unitId) return { page: 'unitYearWheel', unitId };
  return unitId ? { page: 'channel', unitId } : { page: 'channel' };
}

/**
 * The meeting surfaces: the side panel and stage frames, `/stage?meetingId=` (what is shared to
 * the stage), a content frame inside a meeting (details tab, meeting chat tab), and
 * `/meeting?surface=` outside Teams.
 */
function meetingRoute(pathname: string, params: URLSearchParams, frameContext?: string, teamsMeetingId?: string): Route | undefined {
  const path = pathname.replace(/\/+$/, '');
  const meetingId = params.get('meetingId') ?? undefined;
  const withId = meetingId ? { meetingId } : {};
  if (frameContext === 'sidePanel') return { page: 'meeting', surface: 'sidePanel', ...withId };
  if (frameContext === 'meetingStage' || path === '/stage') return { page: 'meeting', surface: 'stage', ...withId };
  if (path === '/meeting') {
    const surface = params.get('surface');
    return { page: 'meeting', surface: surface === 'stage' || surface === 'details' ? surface : 'sidePanel', ...withId };
  }
  if (frameContext === 'content' && teamsMeetingId && !params.get('view')) return { page: 'meeting', surface: 'details', ...withId };
  return undefined;
}

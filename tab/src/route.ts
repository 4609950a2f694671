/**
 * The tab's routing, in one place: which page the URL (and the host's frame context) asks for, and
 * the view or section inside it. `?view=` and `?section=` are read here only; a name the tab does
 * not know falls back to the page's first view, so every reader of the route sees the same answer.
 */

/** The channel tab's views, in tab order (`?view=`). */
export const channelViews = ['overview', 'results', 'analysis', 'goals', 'actions', 'deficiencies', 'meetings', 'report', 'otherUnits'] as const;
export type ChannelView = (typeof channelViews)[number];

/** The organizer's views, in tab order (`?section=`); `setup` is the set-up guide. */
export const organizerViews = ['rollup', 'units', 'indicators', 'goals', 'deficiencies', 'feedback', 'yearWheel', 'templates', 'import', 'report', 'setup'] as const;
export type OrganizerView = (typeof organizerViews)[number];

/** The pages `?view=` opens besides the channel tab, by the name in the URL. */
export const pageViews = {
  myActions: 'my-actions', organizer: 'organizer', unitFeedback: 'feedback', unitYearWheel: 'year-wheel',
  /** the unit chooser, even for someone with one unit: the way back from inside a unit */
  unitChooser: 'units',
  /** Andra enheter from the chooser, outside any unit */
  otherUnits: 'other-units',
} as const;

/** Which page the URL (and the host's frame context) asks for. */
export type Route = { page: 'config' } | { page: 'myActions' } | { page: 'channel'; unitId?: string; view: ChannelView }
  | { page: 'organizer'; section?: OrganizerView } | { page: 'unitFeedback'; unitId: string } | { page: 'unitYearWheel'; unitId: string }
  | { page: 'unitChooser' } | { page: 'otherUnits' }
  /**
   * a meeting surface: the side panel, the stage, or the details tab (a content frame inside a
   * meeting); `actionId` the action to show (the owner's in-meeting notification links to it)
   */
  | { page: 'meeting'; surface: 'sidePanel' | 'stage' | 'details'; meetingId?: string; actionId?: string };

/** The name in `names` that `value` is, if it is one. */
function oneOf<N extends string>(names: readonly N[], value: string | null): N | undefined {
  return names.find((name) => name === value);
}

/** Reads the route: `/config` or the settings frame → config; `?view=my-actions` → personal tab. */
export function routeFrom(location: { pathname: string; search: string }, frameContext?: string, teamsMeetingId?: string): Route {
  const params = new URLSearchParams(location.search);
  if (frameContext === 'settings' || location.pathname.replace(/\/+$/, '') === '/config') return { page: 'config' };
  const meeting = meetingRoute(location.pathname, params, frameContext, teamsMeetingId);
  if (meeting) return meeting;
  const view = params.get('view');
  if (view === pageViews.myActions) return { page: 'myActions' };
  if (view === pageViews.unitChooser) return { page: 'unitChooser' };
  if (view === pageViews.otherUnits) return { page: 'otherUnits' };
  // the organizer's tab (administration and board), and the unit's side of feedback
  if (view === pageViews.organizer) {
    const section = oneOf(organizerViews, params.get('section'));
    return section ? { page: 'organizer', section } : { page: 'organizer' };
  }
  const unitId = params.get('unitId') ?? undefined;
  if (view === pageViews.unitFeedback && unitId) return { page: 'unitFeedback', unitId };
  if (view === pageViews.unitYearWheel && unitId) return { page: 'unitYearWheel', unitId };
  const channelView = oneOf(channelViews, view) ?? 'overview';
  return unitId ? { page: 'channel', unitId, view: channelView } : { page: 'channel', view: channelView };
}

/**
 * The meeting surfaces: the side panel and stage frames, `/stage?meetingId=` (what is shared to
 * the stage), a content frame inside a meeting (details tab, meeting chat tab), and
 * `/meeting?surface=` outside Teams.
 */
function meetingRoute(pathname: string, params: URLSearchParams, frameContext?: string, teamsMeetingId?: string): Route | undefined {
  const path = pathname.replace(/\/+$/, '');
  const meetingId = params.get('meetingId') ?? undefined;
  const actionId = params.get('actionId') ?? undefined;
  const withId = { ...(meetingId ? { meetingId } : {}), ...(actionId ? { actionId } : {}) };
  if (frameContext === 'sidePanel') return { page: 'meeting', surface: 'sidePanel', ...withId };
  if (frameContext === 'meetingStage' || path === '/stage') return { page: 'meeting', surface: 'stage', ...withId };
  if (path === '/meeting') {
    const surface = params.get('surface');
    return { page: 'meeting', surface: surface === 'stage' || surface === 'details' ? surface : 'sidePanel', ...withId };
  }
  if (frameContext === 'content' && teamsMeetingId && !params.get('view')) return { page: 'meeting', surface: 'details', ...withId };
  return undefined;
}

/**
 * A search string with these parameters set and every other one kept (theme, language, unit). A
 * section is any name: the set-up guide links to sections by the names their views take.
 */
export function searchWith(search: string, changes: { view?: string; section?: string; unitId?: string }): string {
  const params = new URLSearchParams(search);
  for (const [name, value] of Object.entries(changes)) if (value !== undefined) params.set(name, value);
  return `?${params.toString()}`;
}

/** A search string without the unit, set to `view`, every other parameter kept (theme, language). */
export function searchOutsideUnit(search: string, view: string): string {
  const params = new URLSearchParams(search);
  params.delete('unitId');
  params.set('view', view);
  return `?${params.toString()}`;
}

/** Shows the view or section the user chose in the address, so a reload opens it again. */
export function rememberInUrl(changes: { view?: ChannelView; section?: OrganizerView }): void {
  window.history.replaceState(null, '', searchWith(window.location.search, changes) + window.location.hash);
}

import type {
  Action, ActionPage, Analysis, AnalysisPage, AnalysisSupport, Answer, Deficiency, DeficiencyPage, DeficiencyRegister, FeedbackPage, FollowUpAnswers,
  FollowUpResponsePage, FollowUpTemplate, Goal, GoalList, GoalPage, GoalTree, IndicatorPage, Me, Measurement, MeasurementPage, MeetingPage,
  OtherUnits, Overview, PathParams, Route, Unit, UnitPage, UnitPeople,
} from '../../../src/contract';
import type * as domain from '../../../src/domain';
import type { Language } from '../../../src/domain';
import { ProblemError, problemFrom } from './problem-error';
import { newKey, query, requestOf } from './url';

/** The body that creates a unit's goal: under one of the organizer's goals or areas. */
export type NewGoal = Pick<domain.Goal, 'title' | 'schoolYear'> & Partial<Pick<domain.Goal, 'description' | 'parentGoalId'>>;
/** What a PATCH of a goal may change. */
export type GoalChanges = Partial<Pick<domain.Goal, 'title' | 'description' | 'parentGoalId'>>;
/** The body that records a deficiency: always open, in the unit of the path. */
export type NewDeficiency = Omit<domain.Deficiency, 'unitId' | 'status' | 'closedOn'>;
export type DeficiencyChanges = Partial<Omit<domain.Deficiency, 'unitId'>>;
/** Which of a register's deficiencies to list. */
export interface DeficiencyFilter {
  source?: domain.DeficiencySource;
  status?: domain.DeficiencyStatus;
  overdue?: boolean;
  withoutAction?: boolean;
}
/** The query of a deficiency filter. */
export function registerQuery(filter: DeficiencyFilter): Record<string, string | undefined> {
  return { source: filter.source, status: filter.status, overdue: filter.overdue ? 'true' : undefined, withoutAction: filter.withoutAction ? 'true' : undefined };
}
/** The body that enters a result: the unit is in the path, the school year follows from the period. */
export type NewMeasurement = Omit<domain.Measurement, 'unitId' | 'schoolYear'>;
export type MeasurementChanges = Partial<Pick<domain.Measurement, 'value' | 'groups'>>;

/** What "Andra enheter" searches by; nothing set is the current school year, every area and indicator. */
export interface OtherUnitsSearch {
  schoolYear?: string;
  focusAreaId?: string;
  indicatorId?: string;
}

/** Options for `ApiClient`; tests pass a stub `fetch`. */
export interface ApiClientOptions {
  baseUrl?: string;
  /** The bearer token for every call; null means not signed in. */
  getToken?: () => Promise<string | null>;
  fetch?: typeof fetch;
  /** Called on a 401, so the app can ask the user to sign in again. */
  onUnauthorized?: () => void;
  /** The language the tab speaks: sent as Accept-Language, so that problems come back in it. */
  language?: Language;
}

/** What a call sends besides the route's path. */
export interface CallOptions {
  query?: Record<string, string | undefined>;
  body?: unknown;
  etag?: string;
  headers?: Record<string, string>;
}

/** Which actions of a unit to list. */
export type ActionFilter = 'all' | 'mine' | 'overdue' | 'open';

/** The body that creates an action: the unit is in the path; status and school year have defaults. */
export type NewAction = Omit<domain.Action, 'unitId' | 'schoolYear' | 'status' | 'comments'> & Partial<Pick<domain.Action, 'schoolYear' | 'status'>>;
/** What a PATCH of an action may change (its unit and origin are fixed; comments are added one at a time). */
export type ActionChanges = Partial<Omit<domain.Action, 'unitId' | 'originKind' | 'originId' | 'comments'>>;
/** The body that creates an analysis: always a draft, in the unit of the path. */
export type NewAnalysis = Partial<AnalysisChanges> & Pick<domain.Analysis, 'schoolYear' | 'period'>;
/** What a PATCH of an analysis may change: its status moves only by submit and feedback. */
export type AnalysisChanges = Partial<Omit<domain.Analysis, 'unitId' | 'status' | 'submittedAt' | 'submittedBy'>>;

/** A thin typed client for the tab's API: bearer token, JSON, problem+json errors as `ProblemError`. */
export class ApiClient {
  private readonly baseUrl: string;
  private readonly getToken: () => Promise<string | null>;
  private readonly fetchImpl: typeof fetch;
  private readonly onUnauthorized: () => void;
  private readonly language: Language | undefined;

  constructor(options: ApiClientOptions = {}) {
    this.baseUrl = options.baseUrl ?? '';
    this.getToken = options.getToken ?? (async () => null);
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.onUnauthorized = options.onUnauthorized ?? (() => undefined);
    this.language = options.language;
  }

  /**
   * Calls a route of the contract and answers what it answers (`Answer<R>`), or throws
   * `ProblemError`. The route fixes both the path and the answer's type, and the contract test
   * (test/api/contract.spec.ts) parses every route's answer on the real server with its schema.
   */
  async call<R extends Route>(route: R, params: PathParams<R>, options: CallOptions = {}): Promise<Answer<R>> {
    const { method, path } = requestOf(route, params);
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.etag) headers['if-match'] = options.etag;
    const response = await this.raw(path + query(options.query ?? {}), {
      method,
      headers,
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    if (!response.ok) throw await problemFrom(response);
    const text = response.status === 204 ? '' : await response.text();
    const body: unknown = text ? JSON.parse(text) : undefined;
    // The route's answer, as the contract test holds the server to it.
    return body as Answer<R>;
  }

  /**
   * Sends one request with the bearer token and answers the response untouched, for bodies that
   * are not JSON (a .docx file, an event stream). A 401 still asks the app to sign in again; any
   * other status is the caller's to read. An unreachable server throws `ProblemError` (status 0).
   */
  async raw(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const token = await this.getToken();
    if (token) headers.set('authorization', `Bearer ${token}`);
    if (this.language && !headers.has('accept-language')) headers.set('accept-language', this.language);
    let response: Response;
    try {
      response = await this.fetchImpl(this.baseUrl + path, { ...init, headers });
    } catch {
      throw new ProblemError({ status: 0, code: 'network', title: 'Network error' });
    }
    if (response.status === 401) this.onUnauthorized();
    return response;
  }

  me(): Promise<Me> {
    return this.call('GET /me', {});
  }
  units(search = ''): Promise<UnitPage> {
    return this.call('GET /units', {}, { query: { search } });
  }
  /** Andra enheter: other units' published work of a school year, searched by focus area and indicator. */
  otherUnits(search: OtherUnitsSearch = {}): Promise<OtherUnits> {
    return this.call('GET /other-units', {}, { query: { schoolYear: search.schoolYear, focusAreaId: search.focusAreaId, indicatorId: search.indicatorId } });
  }
  unit(unitId: string): Promise<Unit> {
    return this.call('GET /units/:unitId', { unitId });
  }
  /** The unit's quality report as a .docx file, built by the server in the reader's language, with the file name it gives. */
  async unitReport(unitId: string, language: domain.Language): Promise<{ blob: Blob; fileName: string }> {
    const response = await this.raw(`/api/units/${encodeURIComponent(unitId)}/report.docx${query({ language })}`, {
      headers: { accept: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
    });
    if (!response.ok) throw await problemFrom(response);
    return { blob: await response.blob(), fileName: attachmentName(response.headers.get('content-disposition')) ?? 'report.docx' };
  }
  unitByChannel(teamId: string, channelId: string): Promise<Unit> {
    return this.call('GET /units/by-channel', {}, { query: { teamId, channelId } });
  }
  bindChannel(unitId: string, binding: { teamId: string; channelId: string }): Promise<Unit> {
    return this.call('PUT /units/:unitId/channel', { unitId }, { body: binding });
  }
  overview(unitId: string, schoolYear?: string): Promise<Overview> {
    return this.call('GET /units/:unitId/overview', { unitId }, { query: { schoolYear } });
  }
  goals(unitId: string): Promise<GoalPage> {
    return this.call('GET /units/:unitId/goals', { unitId });
  }
  /** The year's hierarchy as the unit sees it: the organizer's goals and areas, its own goals and their actions. */
  goalTree(unitId: string, schoolYear?: string): Promise<GoalTree> {
    return this.call('GET /units/:unitId/goal-tree', { unitId }, { query: { schoolYear } });
  }
  /** The organizer's goals and areas of a school year: what a unit goal can stand under. */
  organizerGoals(schoolYear?: string): Promise<GoalList> {
    return this.call('GET /goals', {}, { query: { schoolYear } });
  }
  createGoal(unitId: string, goal: NewGoal): Promise<Goal> {
    return this.call('POST /units/:unitId/goals', { unitId }, { body: goal, headers: { 'idempotency-key': newKey() } });
  }
  updateGoal(goal: Pick<Goal, 'id' | 'etag'>, changes: GoalChanges): Promise<Goal> {
    return this.call('PATCH /goals/:id', { id: goal.id }, { body: changes, etag: goal.etag });
  }
  deleteGoal(goal: Pick<Goal, 'id' | 'etag'>): Promise<void> {
    return this.call('DELETE /goals/:id', { id: goal.id }, { etag: goal.etag });
  }
  indicators(): Promise<IndicatorPage> {
    return this.call('GET /indicators', {});
  }
  /** What the unit's analysis of `period` looks at beside each result. */
  analysisSupport(unitId: string, period: string): Promise<AnalysisSupport> {
    return this.call('GET /units/:unitId/analysis-support', { unitId }, { query: { period } });
  }
  measurements(unitId: string, filter: { indicatorId?: string; schoolYear?: string } = {}): Promise<MeasurementPage> {
    return this.call('GET /units/:unitId/measurements', { unitId }, { query: { top: '500', ...filter } });
  }
  createMeasurement(unitId: string, measurement: NewMeasurement): Promise<Measurement> {
    return this.call('POST /units/:unitId/measurements', { unitId }, { body: measurement });
  }
  updateMeasurement(measurement: Pick<Measurement, 'id' | 'etag'>, changes: MeasurementChanges): Promise<Measurement> {
    return this.call('PATCH /measurements/:id', { id: measurement.id }, { body: changes, etag: measurement.etag });
  }
  actions(unitId: string, filter: ActionFilter = 'all', goalId?: string): Promise<ActionPage> {
    return this.call('GET /units/:unitId/actions', { unitId }, { query: { filter: filter === 'all' ? undefined : filter, goalId } });
  }
  createAction(unitId: string, action: NewAction): Promise<Action> {
    return this.call('POST /units/:unitId/actions', { unitId }, { body: action, headers: { 'idempotency-key': newKey() } });
  }
  updateAction(action: Pick<Action, 'id' | 'etag'>, changes: ActionChanges): Promise<Action> {
    return this.call('PATCH /actions/:id', { id: action.id }, { body: changes, etag: action.etag });
  }
  /** Adds a comment to the action's history (the server signs it with the caller's name and the time). */
  commentAction(action: Pick<Action, 'id' | 'etag'>, text: string): Promise<Action> {
    return this.call('POST /actions/:id/comments', { id: action.id }, { body: { text }, etag: action.etag });
  }
  analyses(unitId: string, schoolYear?: string): Promise<AnalysisPage> {
    return this.call('GET /units/:unitId/analyses', { unitId }, { query: { schoolYear } });
  }
  createAnalysis(unitId: string, analysis: NewAnalysis): Promise<Analysis> {
    return this.call('POST /units/:unitId/analyses', { unitId }, { body: analysis, headers: { 'idempotency-key': newKey() } });
  }
  updateAnalysis(analysis: Pick<Analysis, 'id' | 'etag'>, changes: AnalysisChanges): Promise<Analysis> {
    return this.call('PATCH /analyses/:id', { id: analysis.id }, { body: changes, etag: analysis.etag });
  }
  submitAnalysis(analysis: Pick<Analysis, 'id' | 'etag'>): Promise<Analysis> {
    return this.call('POST /analyses/:id/submit', { id: analysis.id }, { etag: analysis.etag });
  }
  deficiencies(unitId: string): Promise<DeficiencyPage> {
    return this.call('GET /units/:unitId/deficiencies', { unitId });
  }
  /** The unit's register: each deficiency with its actions, its flags and why it cannot close yet. */
  deficiencyRegister(unitId: string, filter: DeficiencyFilter = {}): Promise<DeficiencyRegister> {
    return this.call('GET /units/:unitId/deficiency-register', { unitId }, { query: registerQuery(filter) });
  }
  createDeficiency(unitId: string, deficiency: NewDeficiency): Promise<Deficiency> {
    return this.call('POST /units/:unitId/deficiencies', { unitId }, { body: deficiency, headers: { 'idempotency-key': newKey() } });
  }
  updateDeficiency(deficiency: Pick<Deficiency, 'id' | 'etag'>, changes: DeficiencyChanges): Promise<Deficiency> {
    return this.call('PATCH /deficiencies/:id', { id: deficiency.id }, { body: changes, etag: deficiency.etag });
  }
  meetings(unitId: string): Promise<MeetingPage> {
    return this.call('GET /units/:unitId/meetings', { unitId });
  }
  responses(meetingId: string): Promise<FollowUpResponsePage> {
    return this.call('GET /meetings/:id/responses', { id: meetingId });
  }
  followUpTemplate(meetingType: domain.MeetingType): Promise<FollowUpTemplate> {
    return this.call('GET /follow-up-templates/:meetingType', { meetingType });
  }
  feedback(unitId: string): Promise<FeedbackPage> {
    return this.call('GET /units/:unitId/feedback', { unitId });
  }
  myActions(): Promise<ActionPage> {
    return this.call('GET /my/actions', {});
  }
  myFollowUps(): Promise<MeetingPage> {
    return this.call('GET /my/follow-ups', {});
  }
  /** The follow-up answers after the unit's meetings in a school year, for its analysis. */
  followUpAnswers(unitId: string, schoolYear?: string): Promise<FollowUpAnswers> {
    return this.call('GET /units/:unitId/follow-up-answers', { unitId }, { query: { schoolYear } });
  }
  /** The unit's principals and staff: who an action can be assigned to (by name). */
  people(unitId: string): Promise<UnitPeople> {
    return this.call('GET /units/:unitId/people', { unitId });
  }
}

/** The file name of an attachment as the server names it (RFC 6266's `filename*=UTF-8''…` first). */
export function attachmentName(disposition: string | null): string | undefined {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  if (encoded !== undefined) return decodeURIComponent(encoded);
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1];
}

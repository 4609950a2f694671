import { ProblemError, problemFrom } from './problem-error';
import type {
  Action, ActionFields, Analysis, AnalysisFields, Deficiency, Feedback, FollowUpResponse, FollowUpTemplate, Goal, Indicator, Me,
  Measurement, Meeting, MeetingAnswers, Overview, Page, Unit,
} from './types';
import { enc, newKey, query } from './url';

/** Options for `ApiClient`; tests pass a stub `fetch`. */
export interface ApiClientOptions {
  baseUrl?: string;
  /** The bearer token for every call; null means not signed in. */
  getToken?: () => Promise<string | null>;
  fetch?: typeof fetch;
  /** Called on a 401, so the app can ask the user to sign in again. */
  onUnauthorized?: () => void;
}

/** Someone of a unit an action can be assigned to (GET /api/units/:unitId/people). */
export interface UnitPerson {
  userId: string;
  name: string;
  roles: ('principal' | 'staff')[];
}

/** Which actions of a unit to list. */
export type ActionFilter = 'all' | 'mine' | 'overdue' | 'open';

/** The body that creates an action: the unit is in the path; status and school year have defaults. */
export type NewAction = Omit<ActionFields, 'unitId' | 'schoolYear' | 'status'> & Partial<Pick<ActionFields, 'schoolYear' | 'status'>>;
/** What a PATCH of an action may change (its unit and origin are fixed). */
export type ActionChanges = Partial<Omit<ActionFields, 'unitId' | 'originKind' | 'originId'>>;
/** The body that creates an analysis: always a draft, in the unit of the path. */
export type NewAnalysis = Partial<AnalysisChanges> & Pick<AnalysisFields, 'schoolYear' | 'period'>;
/** What a PATCH of an analysis may change: its status moves only by submit and feedback. */
export type AnalysisChanges = Partial<Omit<AnalysisFields, 'unitId' | 'status' | 'submittedAt' | 'submittedBy'>>;

/** A thin typed client for the tab's API: bearer token, JSON, problem+json errors as `ProblemError`. */
export class ApiClient {
  private readonly baseUrl: string;
  private readonly getToken: () => Promise<string | null>;
  private readonly fetchImpl: typeof fetch;
  private readonly onUnauthorized: () => void;

  constructor(options: ApiClientOptions = {}) {
    this.baseUrl = options.baseUrl ?? '';
    this.getToken = options.getToken ?? (async () => null);
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.onUnauthorized = options.onUnauthorized ?? (() => undefined);
  }

  /** Sends one request; answers the parsed JSON body or throws `ProblemError`. */
  async request<T>(method: string, path: string, options: { body?: unknown; etag?: string; headers?: Record<string, string> } = {}): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.etag) headers['if-match'] = options.etag;
    const response = await this.raw(path, {
      method,
      headers,
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    if (!response.ok) throw await problemFrom(response);
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
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
    return this.request('GET', '/api/me');
  }
  units(search = ''): Promise<Page<Unit>> {
    return this.request('GET', `/api/units${query({ search })}`);
  }
  unit(unitId: string): Promise<Unit> {
    return this.request('GET', `/api/units/${enc(unitId)}`);
  }
  unitByChannel(teamId: string, channelId: string): Promise<Unit> {
    return this.request('GET', `/api/units/by-channel${query({ teamId, channelId })}`);
  }
  bindChannel(unitId: string, binding: { teamId: string; channelId: string }): Promise<Unit> {
    return this.request('PUT', `/api/units/${enc(unitId)}/channel`, { body: binding });
  }
  overview(unitId: string, schoolYear?: string): Promise<Overview> {
    return this.request('GET', `/api/units/${enc(unitId)}/overview${query({ schoolYear })}`);
  }
  goals(unitId: string): Promise<Page<Goal>> {
    return this.request('GET', `/api/units/${enc(unitId)}/goals`);
  }
  indicators(): Promise<Page<Indicator>> {
    return this.request('GET', '/api/indicators');
  }
  measurements(unitId: string, filter: { indicatorId?: string; schoolYear?: string } = {}): Promise<Page<Measurement>> {
    return this.request('GET', `/api/units/${enc(unitId)}/measurements${query(filter)}`);
  }
  actions(unitId: string, filter: ActionFilter = 'all', goalId?: string): Promise<Page<Action>> {
    return this.request('GET', `/api/units/${enc(unitId)}/actions${query({ filter: filter === 'all' ? undefined : filter, goalId })}`);
  }
  createAction(unitId: string, action: NewAction): Promise<Action> {
    return this.request('POST', `/api/units/${enc(unitId)}/actions`, { body: action, headers: { 'idempotency-key': newKey() } });
  }
  updateAction(action: Pick<Action, 'id' | 'etag'>, changes: ActionChanges): Promise<Action> {
    return this.request('PATCH', `/api/actions/${enc(action.id)}`, { body: changes, etag: action.etag });
  }
  analyses(unitId: string, schoolYear?: string): Promise<Page<Analysis>> {
    return this.request('GET', `/api/units/${enc(unitId)}/analyses${query({ schoolYear })}`);
  }
  createAnalysis(unitId: string, analysis: NewAnalysis): Promise<Analysis> {
    return this.request('POST', `/api/units/${enc(unitId)}/analyses`, { body: analysis, headers: { 'idempotency-key': newKey() } });
  }
  updateAnalysis(analysis: Pick<Analysis, 'id' | 'etag'>, changes: AnalysisChanges): Promise<Analysis> {
    return this.request('PATCH', `/api/analyses/${enc(analysis.id)}`, { body: changes, etag: analysis.etag });
  }
  submitAnalysis(analysis: Pick<Analysis, 'id' | 'etag'>): Promise<Analysis> {
    return this.request('POST', `/api/analyses/${enc(analysis.id)}/submit`, { etag: analysis.etag });
  }
  deficiencies(unitId: string): Promise<Page<Deficiency>> {
    return this.request('GET', `/api/units/${enc(unitId)}/deficiencies`);
  }
  meetings(unitId: string): Promise<Page<Meeting>> {
    return this.request('GET', `/api/units/${enc(unitId)}/meetings`);
  }
  responses(meetingId: string): Promise<Page<FollowUpResponse>> {
    return this.request('GET', `/api/meetings/${enc(meetingId)}/responses`);
  }
  followUpTemplate(meetingType: string): Promise<FollowUpTemplate> {
    return this.request('GET', `/api/follow-up-templates/${enc(meetingType)}`);
  }
  feedback(unitId: string): Promise<Page<Feedback>> {
    return this.request('GET', `/api/units/${enc(unitId)}/feedback`);
  }
  myActions(): Promise<Page<Action>> {
    return this.request('GET', '/api/my/actions');
  }
  myFollowUps(): Promise<Page<Meeting>> {
    return this.request('GET', '/api/my/follow-ups');
  }
  /** The unit's principals and staff: who an action can be assigned to (by name). */
  /** The follow-up answers after the unit's meetings in a school year, for its analysis. */
  followUpAnswers(unitId: string, schoolYear?: string): Promise<{ items: MeetingAnswers[] }> {
    return this.request('GET', `/api/units/${enc(unitId)}/follow-up-answers${query({ schoolYear })}`);
  }
  people(unitId: string): Promise<{ items: UnitPerson[] }> {
    return this.request('GET', `/api/units/${enc(unitId)}/people`);
  }
}


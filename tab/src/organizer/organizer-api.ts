import type {
  AnalysisPage, Answer, DeficiencyRegister, Feedback, FeedbackPage, FollowUpTemplate, FollowUpTemplatePage, Goal, GoalTree, ImportEvents,
  ImportKind, ImportPreview, ImportResult, Indicator, IndicatorPage, Rollup, YearWheelActivity, YearWheelActivityPage,
} from '../../../src/contract';
import type * as domain from '../../../src/domain';
import { registerQuery, type ApiClient, type DeficiencyFilter, type GoalChanges } from '../api/client';
import { ProblemError, problemFrom } from '../api/problem-error';
import { newKey, query } from '../api/url';

/** An import's file (an upload's bytes in base64, or a pasted text) and how to read it. */
export interface ImportRequest {
  kind: ImportKind;
  file?: string;
  csv?: string;
  /** Skolverket files without a Läsår column */
  period?: string;
}

/** The body of a new indicator: the day it is archived is the server's. */
export type NewIndicator = Omit<domain.Indicator, 'archivedOn'>;
/** What a PATCH of an indicator changes; null clears an optional field. */
export type IndicatorChanges = { [K in keyof NewIndicator]?: NewIndicator[K] | null };
/** An organizer goal (nämndmål) or a prioritized area. */
export type NewOrganizerGoal = Pick<domain.Goal, 'title' | 'schoolYear'> & Partial<Pick<domain.Goal, 'description' | 'parentGoalId'>> & { level: 'organizer' | 'focusArea' };

/**
 * The organizer's calls, all through the tab's `ApiClient`: JSON with `request`; the quality report
 * (bytes) and the import's progress stream need the response itself, so those use `raw`.
 */
export class OrganizerApi {
  constructor(private readonly api: ApiClient) {}

  /** Unit names for labels; every signed-in role may list units. */
  async unitNames(): Promise<Map<string, string>> {
    const page = await this.api.call('GET /units', {}, { query: { top: '500' } });
    return new Map(page.items.map((unit) => [unit.id, unit.name]));
  }
  rollup(schoolYear?: string): Promise<Rollup> {
    return this.api.call('GET /organizer/rollup', {}, { query: { schoolYear } });
  }
  analyses(unitId: string, schoolYear?: string): Promise<AnalysisPage> {
    return this.api.analyses(unitId, schoolYear);
  }
  feedback(unitId: string): Promise<FeedbackPage> {
    return this.api.feedback(unitId);
  }
  giveFeedback(unitId: string, analysisId: string, text: string): Promise<Feedback> {
    return this.api.call('POST /units/:unitId/feedback', { unitId }, { body: { analysisId, text }, headers: { 'idempotency-key': newKey() } });
  }
  confirmFeedback(feedbackId: string): Promise<Feedback> {
    return this.api.call('POST /feedback/:id/read', { id: feedbackId });
  }
  yearWheel(schoolYear: string): Promise<YearWheelActivityPage> {
    return this.api.call('GET /year-wheel', {}, { query: { schoolYear, top: '500' } });
  }
  createActivity(activity: domain.YearWheelActivity): Promise<YearWheelActivity> {
    return this.api.call('POST /year-wheel', {}, { body: activity, headers: { 'idempotency-key': newKey() } });
  }
  updateActivity(activity: Pick<YearWheelActivity, 'id' | 'etag'>, changes: Partial<domain.YearWheelActivity>): Promise<YearWheelActivity> {
    return this.api.call('PATCH /year-wheel/:id', { id: activity.id }, { body: changes, etag: activity.etag });
  }
  deleteActivity(activity: Pick<YearWheelActivity, 'id' | 'etag'>): Promise<void> {
    return this.api.call('DELETE /year-wheel/:id', { id: activity.id }, { etag: activity.etag });
  }
  templates(): Promise<FollowUpTemplatePage> {
    return this.api.call('GET /follow-up-templates', {}, { query: { top: '500' } });
  }
  /** Saves a meeting type's questions as a new version; the server numbers it. */
  saveTemplate(meetingType: domain.MeetingType, lists: Pick<domain.FollowUpTemplate, 'beforeQuestions' | 'questions'>): Promise<FollowUpTemplate> {
    return this.api.call('POST /follow-up-templates', {}, { body: { meetingType, ...lists }, headers: { 'idempotency-key': newKey() } });
  }
  indicators(): Promise<IndicatorPage> {
    return this.api.call('GET /indicators', {}, { query: { top: '500' } });
  }
  createIndicator(indicator: NewIndicator): Promise<Indicator> {
    return this.api.call('POST /indicators', {}, { body: indicator, headers: { 'idempotency-key': newKey() } });
  }
  updateIndicator(indicator: Pick<Indicator, 'id' | 'etag'>, changes: IndicatorChanges): Promise<Indicator> {
    return this.api.call('PATCH /indicators/:id', { id: indicator.id }, { body: changes, etag: indicator.etag });
  }
  archiveIndicator(indicator: Pick<Indicator, 'id' | 'etag'>): Promise<Indicator> {
    return this.api.call('POST /indicators/:id/archive', { id: indicator.id }, { etag: indicator.etag });
  }
  restoreIndicator(indicator: Pick<Indicator, 'id' | 'etag'>): Promise<Indicator> {
    return this.api.call('POST /indicators/:id/restore', { id: indicator.id }, { etag: indicator.etag });
  }
  /** The whole municipality's goal hierarchy of a school year, every unit's goals and actions under it. */
  goalTree(schoolYear: string): Promise<GoalTree> {
    return this.api.call('GET /organizer/goal-tree', {}, { query: { schoolYear } });
  }
  createGoal(goal: NewOrganizerGoal): Promise<Goal> {
    return this.api.call('POST /goals', {}, { body: goal, headers: { 'idempotency-key': newKey() } });
  }
  updateGoal(goal: Pick<Goal, 'id' | 'etag'>, changes: GoalChanges): Promise<Goal> {
    return this.api.updateGoal(goal, changes);
  }
  deleteGoal(goal: Pick<Goal, 'id' | 'etag'>): Promise<void> {
    return this.api.deleteGoal(goal);
  }
  /** Every unit's deficiencies, filtered. */
  deficiencies(filter: DeficiencyFilter = {}): Promise<DeficiencyRegister> {
    return this.api.call('GET /organizer/deficiencies', {}, { query: registerQuery(filter) });
  }
  previewImport(request: ImportRequest): Promise<ImportPreview> {
    return this.api.call('POST /organizer/imports/preview', {}, { body: request });
  }

  /**
   * Commits an import, reporting progress from the server's event stream. A file with errors is
   * refused whole (400 with the rows): the `ProblemError` carries them in `current`.
   */
  async commitImport(request: ImportRequest, onProgress: (done: number, total: number) => void = () => undefined): Promise<ImportResult> {
    const response = await this.api.raw('/api/organizer/imports', {
      method: 'POST',
      headers: { accept: 'text/event-stream', 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
    if (!response.ok) throw await importProblem(response);
    // Without a stream (a proxy that buffers it away), the route's one JSON answer.
    if (!(response.headers.get('content-type') ?? '').includes('text/event-stream')) return (await response.json()) as Answer<'POST /organizer/imports'>;
    return readEvents(response, onProgress);
  }

  /** The municipality's quality report as a .docx file. */
  async qualityReport(schoolYear: string): Promise<Blob> {
    const response = await this.api.raw(`/api/organizer/report.docx${query({ schoolYear })}`, {
      headers: { accept: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
    });
    if (!response.ok) throw await problemFrom(response);
    return response.blob();
  }
}

/** The rows in error travel as a problem extension (`errors`): keep them for the view. */
function importProblem(response: Response): Promise<ProblemError> {
  return problemFrom(response, (body) => body['errors']);
}

/** One event's data, typed by its name: the server writes each from the contract's `ImportEvents`. */
function eventData<E extends keyof ImportEvents>(_name: E, data: string): ImportEvents[E] {
  return JSON.parse(data) as ImportEvents[E];
}

/** Reads `event:`/`data:` blocks until the `result` or `problem` event. */
export async function readEvents(response: Response, onProgress: (done: number, total: number) => void): Promise<ImportResult> {
  const reader = response.body?.getReader();
  if (!reader) throw new ProblemError({ status: 0, code: 'network', title: 'No response body' });
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (value) buffer += decoder.decode(value, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      end = buffer.indexOf('\n\n');
      const name = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (!name || data === undefined) continue;
      if (name === 'progress') {
        const progress = eventData('progress', data);
        onProgress(progress.done, progress.total);
      }
      if (name === 'result') return eventData('result', data);
      if (name === 'problem') {
        const problem = eventData('problem', data);
        throw new ProblemError({ status: problem.status, detail: problem.detail || problem.title, code: problem.code });
      }
    }
    if (done) throw new ProblemError({ status: 0, code: 'network', title: 'The import ended without an answer' });
  }
}


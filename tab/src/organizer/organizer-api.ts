import type {
  AnalysisPage, DeficiencyRegister, Feedback, FeedbackPage, FollowUpTemplate, FollowUpTemplatePage, Goal, GoalTree, ImportJob, ImportJobList,
  ImportKind, ImportPreview, Indicator, IndicatorPage, Rollup, YearWheelActivity, YearWheelActivityPage,
} from '../../../src/contract';
import type * as domain from '../../../src/domain';
import { registerQuery, type ApiClient, type DeficiencyFilter, type GoalChanges } from '../api/client';
import { problemFrom, type ProblemError } from '../api/problem-error';
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
 * (bytes) and the import's commit (a problem with the rows in error) need the response itself, so those use `raw`.
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
   * Commits an import: the server queues it as a job and answers 202 with it. A file with errors
   * is refused whole (400 with the rows): the `ProblemError` carries them in `current`.
   */
  async commitImport(request: ImportRequest): Promise<ImportJob> {
    const response = await this.api.raw('/api/organizer/imports', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
    if (!response.ok) throw await importProblem(response);
    return (await response.json()) as ImportJob;
  }

  importJob(id: string): Promise<ImportJob> {
    return this.api.call('GET /organizer/imports/:id', { id });
  }

  /** The latest imports, newest first: a running one is followed even after the page was closed. */
  recentImports(): Promise<ImportJobList> {
    return this.api.call('GET /organizer/imports', {});
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

/** How often a running import is asked how far it got. */
export const importPollMs = 1_000;

/**
 * Follows an import's job until it is done or failed, reporting each answer; a failed import
 * rejects with its reason. Bounded: it gives up (resolving with the last answer) after `maxPolls`.
 */
export async function followImport(api: Pick<OrganizerApi, 'importJob'>, job: ImportJob, onJob: (job: ImportJob) => void, options: { pollMs?: number; maxPolls?: number; stopped?: () => boolean } = {}): Promise<ImportJob> {
  let current = job;
  for (let poll = 0; poll < (options.maxPolls ?? 100_000) && (current.state === 'queued' || current.state === 'running') && !options.stopped?.(); poll++) {
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? importPollMs));
    current = await api.importJob(job.id);
    onJob(current);
  }
  return current;
}

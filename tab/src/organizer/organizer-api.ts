import type { ApiClient } from '../api/client';
import { ProblemError, problemFrom } from '../api/problem-error';
import type { Page } from '../api/types';
import { enc, newKey, query } from '../api/url';
import type {
  Analysis, Feedback, FollowUpTemplate, ImportKind, ImportPreview, ImportResult, MeetingType, Question, Rollup,
  YearWheelActivity, YearWheelActivityFields,
} from './types';

/** An import's file and how to read it. */
export interface ImportRequest {
  kind: ImportKind;
  csv: string;
  /** Skolverket files without a Läsår column */
  period?: string;
}

/**
 * The organizer's calls, all through the tab's `ApiClient`: JSON with `request`; the quality report
 * (bytes) and the import's progress stream need the response itself, so those use `raw`.
 */
export class OrganizerApi {
  constructor(private readonly api: ApiClient) {}

  /** Unit names for labels; every signed-in role may list units. */
  async unitNames(): Promise<Map<string, string>> {
    const page = await this.api.request<Page<{ id: string; name: string }>>('GET', '/api/units?top=500');
    return new Map(page.items.map((unit) => [unit.id, unit.name]));
  }
  rollup(schoolYear?: string): Promise<Rollup> {
    return this.api.request('GET', `/api/organizer/rollup${query({ schoolYear })}`);
  }
  analyses(unitId: string, schoolYear?: string): Promise<Page<Analysis>> {
    return this.api.analyses(unitId, schoolYear);
  }
  feedback(unitId: string): Promise<Page<Feedback>> {
    return this.api.feedback(unitId);
  }
  giveFeedback(unitId: string, analysisId: string, text: string): Promise<Feedback> {
    return this.api.request('POST', `/api/units/${enc(unitId)}/feedback`, { body: { analysisId, text }, headers: { 'idempotency-key': newKey() } });
  }
  confirmFeedback(feedbackId: string): Promise<Feedback> {
    return this.api.request('POST', `/api/feedback/${enc(feedbackId)}/read`);
  }
  yearWheel(schoolYear: string): Promise<Page<YearWheelActivity>> {
    return this.api.request('GET', `/api/year-wheel${query({ schoolYear, top: '500' })}`);
  }
  createActivity(activity: YearWheelActivityFields): Promise<YearWheelActivity> {
    return this.api.request('POST', '/api/year-wheel', { body: activity, headers: { 'idempotency-key': newKey() } });
  }
  updateActivity(activity: Pick<YearWheelActivity, 'id' | 'etag'>, changes: Partial<YearWheelActivityFields>): Promise<YearWheelActivity> {
    return this.api.request('PATCH', `/api/year-wheel/${enc(activity.id)}`, { body: changes, etag: activity.etag });
  }
  deleteActivity(activity: Pick<YearWheelActivity, 'id' | 'etag'>): Promise<void> {
    return this.api.request('DELETE', `/api/year-wheel/${enc(activity.id)}`, { etag: activity.etag });
  }
  templates(): Promise<Page<FollowUpTemplate>> {
    return this.api.request('GET', `/api/follow-up-templates${query({ top: '500' })}`);
  }
  /** Saves a meeting type's questions as a new version; the server numbers it. */
  saveTemplate(meetingType: MeetingType, questions: Question[]): Promise<FollowUpTemplate> {
    return this.api.request('POST', '/api/follow-up-templates', { body: { meetingType, questions }, headers: { 'idempotency-key': newKey() } });
  }
  previewImport(request: ImportRequest): Promise<ImportPreview> {
    return this.api.request('POST', '/api/organizer/imports/preview', { body: request });
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
    if (!(response.headers.get('content-type') ?? '').includes('text/event-stream')) return (await response.json()) as ImportResult;
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

/** The rows in error travel as a problem extension: keep them for the view. */
async function importProblem(response: Response): Promise<ProblemError> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as { title?: string; detail?: string; code?: string; field?: string; errors?: unknown };
    return new ProblemError({
      status: response.status,
      ...(body.code !== undefined ? { code: body.code } : {}),
      ...(body.title !== undefined ? { title: body.title } : {}),
      ...(body.detail !== undefined ? { detail: body.detail } : {}),
      ...(body.field !== undefined ? { field: body.field } : {}),
      current: body.errors,
    });
  } catch {
    return new ProblemError({ status: response.status });
  }
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
      const parsed = JSON.parse(data) as Record<string, unknown>;
      if (name === 'progress') onProgress(Number(parsed['done']), Number(parsed['total']));
      if (name === 'result') return parsed as unknown as ImportResult;
      if (name === 'problem') {
        throw new ProblemError({
          status: Number(parsed['status'] ?? 500),
          detail: String(parsed['detail'] ?? parsed['title'] ?? ''),
          ...(typeof parsed['code'] === 'string' ? { code: parsed['code'] } : {}),
        });
      }
    }
    if (done) throw new ProblemError({ status: 0, code: 'network', title: 'The import ended without an answer' });
  }
}


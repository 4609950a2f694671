import { FollowUpResponseSchema, FollowUpTemplateSchema, schoolYearOf, type FollowUpResponse, type FollowUpTemplate, type Meeting, type MeetingType } from '../domain';
import { authorize } from '../auth/policy';
import type { Entities } from '../lists/lists';
import { DuplicateError } from '../store/errors';
import type { Page, Store, StoredItem } from '../store/port';
import type { ReadModel } from '../store/read-model';
import type { Caller } from './caller';
import { actorOf } from './caller';
import { ForbiddenError, NotVisibleError, RuleError } from './errors';
import { isParticipant } from './meeting-readers';
import type { MeetingService } from './meeting-service';
import { createOptions, pageQuery, type PageRequest } from './paging';
import type { UnitAccess } from './unit-access';
import { summarizeAnswers, type MeetingAnswers } from './follow-up-summary';

export type Answers = FollowUpResponse['answers'];

export interface FollowUpServiceOptions {
  readonly now?: () => Date;
  /** how far back "my unanswered follow-ups" looks. Default 60 days */
  readonly lookBackDays?: number;
}

/**
 * The questions asked after a meeting (versioned templates per meeting type) and the answers:
 * one response per respondent and meeting; answering again updates it.
 */
export class FollowUpService {
  private readonly now: () => Date;
  private readonly lookBackDays: number;

  constructor(
    private readonly store: Store<Entities>,
    private readonly readModel: ReadModel<Entities>,
    private readonly access: UnitAccess,
    private readonly meetings: MeetingService,
    options: FollowUpServiceOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.lookBackDays = options.lookBackDays ?? 60;
  }

  listTemplates(_caller: Caller, page: PageRequest = {}): Promise<Page<FollowUpTemplate>> {
    return this.store.query('followUpTemplates', pageQuery({}, page));
  }

  /** The newest version of a meeting type's template. */
  async latestTemplate(_caller: Caller, meetingType: MeetingType): Promise<StoredItem<FollowUpTemplate>> {
    const versions = await this.store.queryAll('followUpTemplates', { filter: [{ field: 'meetingType', op: 'eq', value: meetingType }] });
    const latest = versions.reduce<StoredItem<FollowUpTemplate> | undefined>(
      (best, item) => (!best || item.fields.version > best.fields.version ? item : best),
      undefined,
    );
    if (!latest) throw new NotVisibleError(`template ${meetingType}`);
    return latest;
  }

  /** A new version of a meeting type's questions; old answers keep the version they answered. */
  async createTemplate(caller: Caller, input: Omit<FollowUpTemplate, 'version'>, clientKey?: string): Promise<StoredItem<FollowUpTemplate>> {
    this.access.requireGlobal(caller, 'organizer.edit');
    const previous = await this.latestTemplate(caller, input.meetingType).catch((error: unknown) => {
      if (error instanceof NotVisibleError) return undefined;
      throw error;
    });
    const template = FollowUpTemplateSchema.parse({ ...input, version: (previous?.fields.version ?? 0) + 1 });
    return this.store.create('followUpTemplates', template, createOptions(actorOf(caller), clientKey));
  }

  /** A meeting's answers: read within the unit (or by the administration for organizer meetings). */
  async responses(caller: Caller, meetingId: string, page: PageRequest = {}): Promise<Page<FollowUpResponse>> {
    const meeting = await this.meetings.get(caller, meetingId);
    if (meeting.fields.unitId !== undefined) await this.access.require(caller, 'unit.readDraft', meeting.fields.unitId);
    else this.access.requireGlobal(caller, 'organizer.read');
    return this.store.query('followUpResponses', pageQuery({ filter: [{ field: 'meetingId', op: 'eq', value: meetingId }] }, page));
  }

  /**
   * What the unit's people answered after its meetings in a school year, for the analysis: every
   * meeting, answer and template, from the read model after one round trip.
   */
  async unitAnswers(caller: Caller, unitId: string, year?: string): Promise<MeetingAnswers[]> {
    const [view] = await Promise.all([
      this.readModel.read(['meetings', 'followUpResponses', 'followUpTemplates']),
      this.access.require(caller, 'unit.readDraft', unitId),
    ]);
    const schoolYear = year ?? schoolYearOf(this.now());
    const meetings = view.where('meetings', 'unitId', unitId).filter((meeting) => meeting.fields.schoolYear === schoolYear);
    return summarizeAnswers(meetings, view.where('followUpResponses', 'unitId', unitId), view.all('followUpTemplates'));
  }

  /** Writes the caller's answers to a meeting's questions: creates the response once, then updates it. */
  async answer(caller: Caller, meetingId: string, answers: Answers): Promise<{ item: StoredItem<FollowUpResponse>; created: boolean }> {
    const meeting = await this.meetings.get(caller, meetingId);
    await this.requireMayAnswer(caller, meeting);
    const template = await this.latestTemplate(caller, meeting.fields.type);
    const known = new Set(template.fields.questions.map((question) => question.id));
    const unknown = answers.findIndex((answer) => !known.has(answer.questionId));
    if (unknown >= 0) throw new RuleError('unknownQuestion', `answers.${unknown}.questionId`, 'frågan finns inte i mallen');
    const response = FollowUpResponseSchema.parse({
      meetingId,
      ...(meeting.fields.unitId !== undefined ? { unitId: meeting.fields.unitId } : {}),
      templateId: template.id,
      templateVersion: template.fields.version,
      respondentId: caller.userId,
      answers,
      answeredAt: this.now().toISOString(),
    });
    const existing = await this.existing(meetingId, caller.userId);
    if (existing) {
      return { item: await this.store.update('followUpResponses', existing.id, response, { ...actorOf(caller), etag: existing.etag }), created: false };
    }
    try {
      // One key per respondent and meeting: two first answers at once cannot make two responses.
      const item = await this.store.create('followUpResponses', response, { ...actorOf(caller), clientKey: `followUp:${meetingId}:${caller.userId}` });
      return { item, created: item.fields.answeredAt === response.answeredAt };
    } catch (error) {
      if (!(error instanceof DuplicateError)) throw error;
      const raced = await this.existing(meetingId, caller.userId);
      if (!raced) throw error;
      return { item: await this.store.update('followUpResponses', raced.id, response, { ...actorOf(caller), etag: raced.etag }), created: false };
    }
  }

  /** Meetings of the last weeks that the caller took part in, that have ended, and that they have not answered (from the read model). */
  async unanswered(caller: Caller): Promise<StoredItem<Meeting>[]> {
    const since = this.now().getTime() - this.lookBackDays * 86_400_000;
    const view = await this.readModel.read(['meetings', 'followUpResponses']);
    const done = new Set(view.where('followUpResponses', 'respondentId', caller.userId).map((response) => response.fields.meetingId));
    return view.all('meetings')
      .filter((meeting) => Date.parse(meeting.fields.startsAt) >= since && meeting.fields.endedAt !== undefined && isParticipant(caller, meeting.fields) && !done.has(meeting.id))
      .sort((a, b) => a.fields.startsAt.localeCompare(b.fields.startsAt));
  }

  private async requireMayAnswer(caller: Caller, meeting: StoredItem<Meeting>): Promise<void> {
    if (meeting.fields.unitId !== undefined) {
      await this.access.require(caller, 'followUp.answer', meeting.fields.unitId, { respondentId: caller.userId });
    } else {
      const decision = authorize(caller, 'followUp.answer', { organizerMeeting: { participant: isParticipant(caller, meeting.fields) }, respondentId: caller.userId });
      if (!decision.allowed) throw new ForbiddenError(decision.reason);
    }
  }

  private async existing(meetingId: string, respondentId: string): Promise<StoredItem<FollowUpResponse> | undefined> {
    const found = await this.store.queryAll('followUpResponses', {
      filter: [
        { field: 'meetingId', op: 'eq', value: meetingId },
        { field: 'respondentId', op: 'eq', value: respondentId },
      ],
    });
    return found[0];
  }
}

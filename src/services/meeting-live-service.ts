import {
  MeetingSchema, defaultAgenda, meetingTypes, participant as ParticipantSchema, schoolYearOf,
  type Action, type FollowUpResponse, type FollowUpTemplate, type Meeting, type MeetingType, type Participant, type Unit,
} from '../domain';
import { authorize } from '../auth/policy';
import type { Entities } from '../lists/lists';
import { ConflictError, DuplicateError, NotFoundError } from '../store/errors';
import type { Store, StoredItem } from '../store/port';
import type { ReadModel } from '../store/read-model';
import type { Caller } from './caller';
import { actorOf } from './caller';
import { Bindings, meetingClaims } from './bindings';
import { ForbiddenError, NotVisibleError, RuleError, ServiceError } from './errors';
import {
  agendaItemVersion, changeAgendaItem, nextAgendaItemId, removeParticipant, shortHash, upsertParticipant, withVersion,
  type AgendaItemChange, type VersionedAgendaItem,
} from './meeting-live-agenda';
import { meetingPeople, type MeetingPerson } from './meeting-live-people';
import { isParticipant } from './meeting-readers';
import type { MeetingService } from './meeting-service';
import type { UnitAccess } from './unit-access';

/** Everything a meeting's side panel, stage and details tab show, read in one round trip. */
export interface MeetingLive {
  readonly meeting: StoredItem<Meeting>;
  readonly agenda: readonly VersionedAgendaItem[];
  /**
   * the actions of this meeting, by due date: those whose origin is the meeting and those
   * recorded in it from an analysis or a deficiency (meetingId)
   */
  readonly actions: readonly StoredItem<Action>[];
  /** follow-up answers so far (empty for callers who may not read them) */
  readonly responses: readonly StoredItem<FollowUpResponse>[];
  /** the newest version of the meeting type's questions */
  readonly template?: StoredItem<FollowUpTemplate>;
  readonly people: readonly MeetingPerson[];
  /** whether the caller may record in the meeting (actions, decisions, notes, participation) */
  readonly canRecord: boolean;
}

export interface LinkInput {
  readonly teamsMeetingId: string;
  readonly chatId?: string;
  readonly unitId: string;
  readonly type: MeetingType;
  readonly title: string;
  readonly startsAt: string;
}

export interface YearWheelMeetingInput {
  readonly unitId?: string;
  readonly teamsMeetingId?: string;
  readonly chatId?: string;
  /** default: 08:00 Swedish time on the activity's date */
  readonly startsAt?: string;
}

export interface MeetingLiveServiceOptions {
  /** how often a merge of the meeting item is retried after a concurrent write. Default 5 */
  readonly mergeAttempts?: number;
}

/** Someone else changed the same agenda item: `current` is the item as it is now. */
export class AgendaItemConflictError extends ServiceError {
  override readonly name = 'AgendaItemConflictError';
  constructor(readonly current: VersionedAgendaItem) {
    super(`agenda item ${current.id} was changed by someone else`);
  }
}

/**
 * The meeting extension's server side: the live state with a cheap version, per-agenda-item
 * writes that merge with concurrent writes to other items, the participation record, and linking
 * a Teams meeting (or a year wheel activity) to a Meeting item.
 */
export class MeetingLiveService {
  private readonly mergeAttempts: number;

  private readonly bindings: Bindings;

  constructor(
    private readonly store: Store<Entities>,
    private readonly readModel: ReadModel<Entities>,
    private readonly access: UnitAccess,
    private readonly meetings: MeetingService,
    options: MeetingLiveServiceOptions = {},
  ) {
    this.mergeAttempts = options.mergeAttempts ?? 5;
    this.bindings = new Bindings(store, access);
  }

  /** The live state: the meeting, its actions, its answers and the template, from the read model after one round trip. */
  async live(caller: Caller, meetingId: string): Promise<MeetingLive> {
    const view = await this.readModel.read(['meetings', 'actions', 'followUpResponses', 'followUpTemplates']);
    const meeting = view.get('meetings', meetingId);
    if (!meeting) throw new NotFoundError('meetings', meetingId);
    await this.meetings.requireReadable(caller, meeting);
    const actions = meetingActions(view.where('actions', 'originId', meetingId), view.where('actions', 'meetingId', meetingId))
      .sort((a, b) => a.fields.dueDate.localeCompare(b.fields.dueDate) || Number(a.id) - Number(b.id));
    const mayReadAnswers = await this.mayReadAnswers(caller, meeting);
    const responses = mayReadAnswers ? view.where('followUpResponses', 'meetingId', meetingId) : [];
    const template = view.where('followUpTemplates', 'meetingType', meeting.fields.type)
      .reduce<StoredItem<FollowUpTemplate> | undefined>((best, item) => (!best || item.fields.version > best.fields.version ? item : best), undefined);
    const unit = meeting.fields.unitId !== undefined ? await this.unitOf(meeting.fields.unitId) : undefined;
    return {
      meeting,
      agenda: meeting.fields.agenda.map(withVersion),
      actions,
      responses,
      ...(template ? { template } : {}),
      people: meetingPeople({
        meeting: meeting.fields,
        ...(unit ? { unit: unit.fields } : {}),
        actions: actions.map((action) => action.fields),
        caller: { userId: caller.userId, name: caller.name },
      }),
      canRecord: await this.mayRecord(caller, meeting),
    };
  }

  /**
   * Changes one agenda item. `version` is the item's version the caller edited: if someone changed
   * this item since, AgendaItemConflictError with the current item. Changes to other items made
   * meanwhile are kept: the change is applied to a fresh read of the meeting.
   */
  async changeAgendaItem(caller: Caller, meetingId: string, itemId: string, change: AgendaItemChange, version: string): Promise<VersionedAgendaItem> {
    const meeting = await this.merge(caller, meetingId, (fields) => {
      const current = fields.agenda.find((item) => item.id === itemId);
      if (!current) throw new NotVisibleError(`agenda item ${itemId}`);
      if (agendaItemVersion(current) !== version) throw new AgendaItemConflictError(withVersion(current));
      const agenda = changeAgendaItem(fields.agenda, itemId, change);
      return agenda ? { agenda } : {};
    });
    return this.itemOf(meeting, itemId);
  }

  /** Adds a decision to an agenda item. Two people adding decisions at once both keep theirs. */
  async addDecision(caller: Caller, meetingId: string, itemId: string, text: string): Promise<VersionedAgendaItem> {
    const meeting = await this.merge(caller, meetingId, (fields) => {
      const current = fields.agenda.find((item) => item.id === itemId);
      if (!current) throw new NotVisibleError(`agenda item ${itemId}`);
      const agenda = changeAgendaItem(fields.agenda, itemId, { decisions: [...(current.decisions ?? []), text] });
      return agenda ? { agenda } : {};
    });
    return this.itemOf(meeting, itemId);
  }

  /** Adds an agenda item at the end. */
  async addAgendaItem(caller: Caller, meetingId: string, title: string): Promise<VersionedAgendaItem> {
    let added = '';
    const meeting = await this.merge(caller, meetingId, (fields) => {
      added = nextAgendaItemId(fields.agenda);
      return { agenda: [...fields.agenda, { id: added, title }] };
    });
    return this.itemOf(meeting, added);
  }

  /**
   * Records one participant (a staff member by id or name, or a counted group of pupils, children
   * or guardians), replacing their earlier entry. Named pupils are refused by the domain's schema.
   */
  async recordParticipant(caller: Caller, meetingId: string, participant: Participant): Promise<readonly Participant[]> {
    const checked = ParticipantSchema.parse(participant);
    const meeting = await this.merge(caller, meetingId, (fields) => ({ participants: upsertParticipant(fields.participants, checked) }));
    return meeting.fields.participants;
  }

  /** Removes an entry of the participation record by its key (see participantKey). */
  async removeParticipant(caller: Caller, meetingId: string, key: string): Promise<readonly Participant[]> {
    const meeting = await this.merge(caller, meetingId, (fields) => ({ participants: removeParticipant(fields.participants, key) }));
    return meeting.fields.participants;
  }

  /**
   * Links a Teams meeting to a unit: the Meeting item for it, created once. Linking again (or
   * twice at once) answers the same item; `created` tells which. A Teams meeting or chat that
   * another unit's meeting holds is BindingTakenError naming it (the administration may `move` it).
   */
  async link(caller: Caller, input: LinkInput, move = false): Promise<{ meeting: StoredItem<Meeting>; created: boolean }> {
    await this.access.require(caller, 'unit.edit', input.unitId);
    const ofThisUnit = async (): Promise<StoredItem<Meeting> | undefined> => {
      const found = await this.byTeamsMeetingId(input.teamsMeetingId);
      return found?.fields.unitId === input.unitId ? found : undefined;
    };
    const existing = await ofThisUnit();
    if (existing) {
      await this.meetings.requireReadable(caller, existing);
      return { meeting: existing, created: false };
    }
    const meeting = MeetingSchema.parse({
      type: input.type,
      title: input.title,
      unitId: input.unitId,
      startsAt: input.startsAt,
      schoolYear: schoolYearOf(input.startsAt),
      teamsMeetingId: input.teamsMeetingId,
      ...(input.chatId !== undefined ? { chatId: input.chatId } : {}),
      participants: [],
      agenda: defaultAgenda(input.type),
    });
    const clientKey = `teamsMeeting:${input.unitId}:${shortHash(input.teamsMeetingId)}`;
    return this.bindings.write(caller, { list: 'meetings' }, meetingClaims(meeting), move, () => this.createOnce(caller, meeting, clientKey, ofThisUnit));
  }

  /**
   * The meeting of a year wheel activity, created linked: type, title and date from the activity.
   * Idempotent per activity and unit. The Teams meeting and chat it names must be free (see Bindings).
   */
  async fromYearWheel(caller: Caller, activityId: string, input: YearWheelMeetingInput, move = false): Promise<{ meeting: StoredItem<Meeting>; created: boolean }> {
    const activity = await this.store.get('yearWheel', activityId);
    const kind = activity.fields.kind;
    if (!isMeetingType(kind)) throw new RuleError('ruleViolation', 'kind', 'aktiviteten i årshjulet är inget möte');
    if (activity.fields.unitId !== undefined && input.unitId !== undefined && input.unitId !== activity.fields.unitId) {
      throw new RuleError('ruleViolation', 'unitId', 'aktiviteten hör till en annan enhet');
    }
    const unitId = activity.fields.unitId ?? input.unitId;
    if (unitId === undefined) this.access.requireGlobal(caller, 'organizer.edit');
    else await this.access.require(caller, 'unit.edit', unitId);
    const find = async (): Promise<StoredItem<Meeting> | undefined> => {
      const found = await this.store.queryAll('meetings', { filter: [{ field: 'yearWheelActivityId', op: 'eq', value: activityId }] });
      return found.find((meeting) => meeting.fields.unitId === unitId);
    };
    const existing = await find();
    if (existing) return { meeting: existing, created: false };
    const startsAt = input.startsAt ?? swedishMorning(activity.fields.date);
    const meeting = MeetingSchema.parse({
      type: kind,
      title: activity.fields.title,
      ...(unitId !== undefined ? { unitId } : {}),
      startsAt,
      schoolYear: activity.fields.schoolYear,
      ...(input.teamsMeetingId !== undefined ? { teamsMeetingId: input.teamsMeetingId } : {}),
      ...(input.chatId !== undefined ? { chatId: input.chatId } : {}),
      participants: [],
      agenda: defaultAgenda(kind),
      yearWheelActivityId: activityId,
    });
    return this.bindings.write(caller, { list: 'meetings' }, meetingClaims(meeting), move, () =>
      this.createOnce(caller, meeting, `yearWheel:${activityId}:${unitId ?? 'organizer'}`, find));
  }

  /** Whether the caller may record in this meeting: the unit's principal and staff; for an organizer meeting the administration and participants. */
  async mayRecord(caller: Caller, meeting: StoredItem<Meeting>): Promise<boolean> {
    if (meeting.fields.unitId !== undefined) return this.access.allows(caller, 'action.create', meeting.fields.unitId);
    return authorize(caller, 'action.create', { organizerMeeting: { participant: isParticipant(caller, meeting.fields) } }).allowed;
  }

  private async requireRecorder(caller: Caller, meeting: StoredItem<Meeting>): Promise<void> {
    await this.meetings.requireReadable(caller, meeting);
    if (!(await this.mayRecord(caller, meeting))) throw new ForbiddenError({ sv: 'Bara mötets egna deltagare antecknar i det.', en: 'Only the meeting\'s own people record in it.' });
  }

  /**
   * Applies `change` to a fresh read and writes it with that read's eTag; a concurrent write to the
   * meeting (another agenda item, the participation record) makes it read and apply again.
   */
  private async merge(caller: Caller, meetingId: string, change: (fields: Meeting) => Partial<Meeting>): Promise<StoredItem<Meeting>> {
    let lastConflict: ConflictError | undefined;
    for (let attempt = 0; attempt < this.mergeAttempts; attempt++) {
      const current = await this.store.get('meetings', meetingId);
      if (attempt === 0) await this.requireRecorder(caller, current);
      const patch = change(current.fields);
      if (Object.keys(patch).length === 0) return current;
      MeetingSchema.parse({ ...current.fields, ...patch });
      try {
        return await this.store.update('meetings', meetingId, patch, { ...actorOf(caller), etag: current.etag });
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        lastConflict = error;
      }
    }
    throw lastConflict ?? new ConflictError('meetings', meetingId, undefined);
  }

  private itemOf(meeting: StoredItem<Meeting>, itemId: string): VersionedAgendaItem {
    const item = meeting.fields.agenda.find((candidate) => candidate.id === itemId);
    if (!item) throw new NotVisibleError(`agenda item ${itemId}`);
    return withVersion(item);
  }

  private async mayReadAnswers(caller: Caller, meeting: StoredItem<Meeting>): Promise<boolean> {
    if (meeting.fields.unitId !== undefined) return this.access.allows(caller, 'unit.readDraft', meeting.fields.unitId);
    return caller.appRoles.includes('Administration') || caller.appRoles.includes('Board');
  }

  private async unitOf(unitId: string): Promise<StoredItem<Unit> | undefined> {
    const units = await this.access.allUnits();
    return units.find((unit) => unit.id === unitId);
  }

  private async byTeamsMeetingId(teamsMeetingId: string): Promise<StoredItem<Meeting> | undefined> {
    const found = await this.store.query('meetings', { filter: [{ field: 'teamsMeetingId', op: 'eq', value: teamsMeetingId }], top: 1 });
    return found.items[0];
  }

  /**
   * Creates the meeting once. Two links at once send the same key, and the store answers both with
   * the one item; a unique column refusing it is this unit's own raced meeting (`find`) or another
   * record's binding, which the caller's Bindings names.
   */
  private async createOnce(
    caller: Caller,
    meeting: Meeting,
    clientKey: string,
    find: () => Promise<StoredItem<Meeting> | undefined>,
  ): Promise<{ meeting: StoredItem<Meeting>; created: boolean }> {
    try {
      return { meeting: await this.store.create('meetings', meeting, { ...actorOf(caller), clientKey }), created: true };
    } catch (error) {
      if (!(error instanceof DuplicateError)) throw error;
      const raced = await find();
      if (!raced) throw error;
      return { meeting: raced, created: false };
    }
  }
}

/**
 * The meeting's actions from its two indexed queries (originId and meetingId), each once: an
 * action from the meeting itself also carries meetingId. An originId query also finds actions of
 * an analysis or deficiency that happens to share the meeting's id, hence the originKind filter.
 */
export function meetingActions(byOrigin: readonly StoredItem<Action>[], byMeetingId: readonly StoredItem<Action>[]): StoredItem<Action>[] {
  const byId = new Map<string, StoredItem<Action>>();
  for (const action of byOrigin) if (action.fields.originKind === 'meeting') byId.set(action.id, action);
  for (const action of byMeetingId) if (!byId.has(action.id)) byId.set(action.id, action);
  return [...byId.values()];
}

function isMeetingType(kind: string): kind is MeetingType {
  return (meetingTypes as readonly string[]).includes(kind);
}

/** 08:00 in Sweden on `date` ("YYYY-MM-DD"), with the offset of that day (CET or CEST). */
export function swedishMorning(date: string): string {
  const noon = new Date(`${date}T12:00:00Z`);
  const zone = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Stockholm', timeZoneName: 'shortOffset' })
    .formatToParts(noon)
    .find((part) => part.type === 'timeZoneName')?.value ?? 'GMT+1';
  const hours = Number(/GMT([+-]\d+)/.exec(zone)?.[1] ?? '1');
  const sign = hours < 0 ? '-' : '+';
  return `${date}T08:00:00${sign}${String(Math.abs(hours)).padStart(2, '0')}:00`;
}

import {
  ActionCommentSchema, ActionSchema, checkAction, checkActionOrigin, isOpen, isoDay, schoolYearOf, type Action, type Meeting, ruleWords, type OriginRecord, type RuleViolation,
} from '../domain';
import type { Entities } from '../lists/lists';
import type { Filter, Page, Store, StoredItem } from '../store/port';
import type { ReadModel } from '../store/read-model';
import type { Caller } from './caller';
import { actorOf } from './caller';
import { RuleError } from './errors';
import { findItem } from './lookup';
import { createOptions, pageOf, pageQuery, type PageRequest } from './paging';
import type { UnitAccess } from './unit-access';

/** What a new action holds; its comments are written one at a time by `comment`. */
export type ActionInput = Omit<Action, 'unitId' | 'status' | 'schoolYear' | 'comments'> & Partial<Pick<Action, 'status' | 'schoolYear'>>;
export type ActionPatch = Partial<Omit<Action, 'unitId' | 'originKind' | 'originId' | 'comments'>>;
export type ActionFilter = 'mine' | 'overdue' | 'open';

/** An action got an owner (created with one, or its owner changed) in a meeting that has not ended. */
export interface OwnerGivenInMeeting {
  readonly action: StoredItem<Action>;
  readonly meeting: StoredItem<Meeting>;
  /** who gave it: they see it already, in the side panel */
  readonly by: Caller;
}

export interface ActionServiceOptions {
  readonly now?: () => Date;
  /**
   * Told once the action is stored (the bot's targeted in-meeting notification to the owner).
   * It must not throw: the action is stored whatever it does.
   */
  readonly onOwnerGivenInMeeting?: (event: OwnerGivenInMeeting) => Promise<void>;
}

const stillOpen: Filter[] = [
  { field: 'status', op: 'ne', value: 'done' },
  { field: 'status', op: 'ne', value: 'cancelled' },
];

/** Actions with an owner and a due date; staff update only their own, the principal any in the unit. */
export class ActionService {
  private readonly now: () => Date;
  private readonly onOwnerGivenInMeeting: ActionServiceOptions['onOwnerGivenInMeeting'];

  constructor(
    private readonly store: Store<Entities>,
    private readonly readModel: ReadModel<Entities>,
    private readonly access: UnitAccess,
    options: ActionServiceOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.onOwnerGivenInMeeting = options.onOwnerGivenInMeeting;
  }

  async list(caller: Caller, unitId: string, options: PageRequest & { filter?: ActionFilter; goalId?: string } = {}): Promise<Page<Action>> {
    await this.access.require(caller, 'unit.read', unitId);
    const filter: Filter[] = [{ field: 'unitId', op: 'eq', value: unitId }];
    if (options.filter === 'mine') filter.push({ field: 'ownerId', op: 'eq', value: caller.userId });
    if (options.filter === 'open') filter.push(...stillOpen);
    if (options.filter === 'overdue') filter.push({ field: 'dueDate', op: 'lt', value: isoDay(this.now()) }, ...stillOpen);
    if (options.goalId) filter.push({ field: 'goalId', op: 'eq', value: options.goalId });
    return this.store.query('actions', pageQuery({ filter, orderBy: { field: 'dueDate' } }, options));
  }

  async get(caller: Caller, id: string): Promise<StoredItem<Action>> {
    const action = await this.store.get('actions', id);
    await this.access.require(caller, 'unit.read', action.fields.unitId);
    return action;
  }

  async create(caller: Caller, unitId: string, input: ActionInput, clientKey?: string): Promise<StoredItem<Action>> {
    await this.access.require(caller, 'action.create', unitId);
    const action = ActionSchema.parse({
      ...input,
      unitId,
      status: input.status ?? 'planned',
      schoolYear: input.schoolYear ?? schoolYearOf(input.dueDate),
    });
    refuse(checkAction(action));
    refuse(checkActionOrigin(action, await this.originOf(action)));
    if (action.meetingId !== undefined) await this.requireMeetingOfUnit(action.meetingId, unitId);
    if (action.goalId !== undefined) await this.requireGoalOfUnit(action.goalId, unitId);
    const created = await this.store.create('actions', action, createOptions(actorOf(caller), clientKey));
    await this.ownerGiven(caller, created);
    return created;
  }

  async update(caller: Caller, id: string, patch: ActionPatch, etag: string): Promise<StoredItem<Action>> {
    const current = await this.get(caller, id);
    await this.access.require(caller, 'action.update', current.fields.unitId, { ownerId: current.fields.ownerId });
    refuse(checkAction(ActionSchema.parse({ ...current.fields, ...patch })));
    if (patch.meetingId !== undefined && patch.meetingId !== current.fields.meetingId) {
      await this.requireMeetingOfUnit(patch.meetingId, current.fields.unitId);
    }
    if (patch.goalId !== undefined && patch.goalId !== current.fields.goalId) await this.requireGoalOfUnit(patch.goalId, current.fields.unitId);
    const updated = await this.store.update('actions', id, patch, { ...actorOf(caller), etag });
    if (patch.ownerId !== undefined && patch.ownerId !== current.fields.ownerId) await this.ownerGiven(caller, updated);
    return updated;
  }

  /**
   * Adds a comment to the action's history, signed with the caller's name and the time: the owner
   * and the unit's principal may, as they may update it (the tab's "Kommentera", the bot's card).
   */
  async comment(caller: Caller, id: string, text: string, etag: string): Promise<StoredItem<Action>> {
    const current = await this.get(caller, id);
    await this.access.require(caller, 'action.update', current.fields.unitId, { ownerId: current.fields.ownerId });
    // a card from a client that sends no name names the caller by id only: no name is stored then
    const named = caller.name !== '' && caller.name !== caller.userId;
    const comment = ActionCommentSchema.parse({ authorId: caller.userId, ...(named ? { authorName: caller.name } : {}), at: this.now().toISOString(), text });
    const comments = [...(current.fields.comments ?? []), comment];
    ActionSchema.parse({ ...current.fields, comments });
    return this.store.update('actions', id, { comments }, { ...actorOf(caller), etag });
  }

  /** Mina åtgärder: the caller's open actions in every unit, due soonest first, from the read model. */
  async mine(caller: Caller, page: PageRequest = {}): Promise<Page<Action>> {
    const view = await this.readModel.read(['actions']);
    const open = view.where('actions', 'ownerId', caller.userId).filter((item) => isOpen(item.fields));
    return pageOf(open.sort((a, b) => a.fields.dueDate.localeCompare(b.fields.dueDate) || Number(a.id) - Number(b.id)), page);
  }

  /**
   * An action that got its owner in a meeting (recorded in it, or from it) while the meeting has
   * not ended is told to the listener, unless the owner is the one who gave it.
   */
  private async ownerGiven(caller: Caller, action: StoredItem<Action>): Promise<void> {
    if (!this.onOwnerGivenInMeeting || action.fields.ownerId === caller.userId) return;
    const meetingId = action.fields.meetingId ?? (action.fields.originKind === 'meeting' ? action.fields.originId : undefined);
    const meeting = meetingId !== undefined ? await findItem(this.store, 'meetings', meetingId) : undefined;
    if (!meeting || meeting.fields.endedAt !== undefined) return;
    await this.onOwnerGivenInMeeting({ action, meeting, by: caller });
  }

  /**
   * The meeting an action was recorded in must exist and belong to the action's unit (an
   * organizer meeting, which has no unit, may record actions of any unit, as with its origin).
   * Another unit's meeting is answered like a missing one.
   */
  private async requireMeetingOfUnit(meetingId: string, unitId: string): Promise<void> {
    const meeting = await findItem(this.store, 'meetings', meetingId);
    if (!meeting || (meeting.fields.unitId !== undefined && meeting.fields.unitId !== unitId)) {
      throw new RuleError('originNotFound', 'meetingId', 'mötet som åtgärden registrerades i finns inte i enheten');
    }
  }

  /** The goal an action works towards is one of the unit's own goals; any other is answered as missing. */
  private async requireGoalOfUnit(goalId: string, unitId: string): Promise<void> {
    const goal = await findItem(this.store, 'goals', goalId);
    if (!goal || goal.fields.unitId !== unitId) throw new RuleError('goalNotFound', 'goalId', 'målet finns inte i enheten');
  }

  private async originOf(action: Action): Promise<OriginRecord | undefined> {
    const list = action.originKind === 'analysis' ? 'analyses' : action.originKind === 'meeting' ? 'meetings' : 'deficiencies';
    const origin = await findItem(this.store, list, action.originId);
    if (!origin) return undefined;
    return { kind: action.originKind, unitId: origin.fields.unitId };
  }
}

function refuse(violation: RuleViolation | undefined): void {
  if (violation) throw new RuleError(violation.code, violation.field, violation.message, ruleWords(violation.message)?.en);
}

import { checkGoalParent, GoalSchema, schoolYearOf, type Goal, type SchoolYear } from '../domain';
import type { Entities } from '../lists/lists';
import type { Page, Store, StoredItem } from '../store/port';
import type { ReadModel } from '../store/read-model';
import type { Caller } from './caller';
import { actorOf } from './caller';
import { RuleError } from './errors';
import { goalTreeOf, type GoalTree } from './goal-tree';
import { findItem } from './lookup';
import { createOptions, pageQuery, type PageRequest } from './paging';
import type { UnitAccess } from './unit-access';

export type GoalInput = Omit<Goal, 'level' | 'unitId'>;
/** An organizer goal (nämndmål) or a prioritized area: the administration's. */
export type OrganizerGoalInput = Omit<Goal, 'level' | 'unitId'> & { readonly level: 'organizer' | 'focusArea' };
export type GoalPatch = Partial<Omit<Goal, 'level' | 'unitId'>>;

export interface GoalServiceOptions {
  readonly now?: () => Date;
}

/** The goals and areas the organizer sets, not a unit's own. */
const isOrganizers = (goal: StoredItem<Goal>) => goal.fields.level !== 'unit';

/**
 * The goal hierarchy: the organizer's goals (nämndmål) and prioritized areas, set by the
 * administration for a school year, and each unit's goals under one of them, set by its principal.
 * The organizer's list and the trees are views: from the read model by the `schoolYear` index.
 */
export class GoalService {
  private readonly now: () => Date;

  constructor(private readonly store: Store<Entities>, private readonly readModel: ReadModel<Entities>, private readonly access: UnitAccess, options: GoalServiceOptions = {}) {
    this.now = options.now ?? (() => new Date());
  }

  /** A unit's goals, of a school year when given. */
  async listForUnit(caller: Caller, unitId: string, page: PageRequest & { schoolYear?: string } = {}): Promise<Page<Goal>> {
    await this.access.require(caller, 'unit.read', unitId);
    return this.store.query('goals', pageQuery({
      filter: [
        { field: 'unitId', op: 'eq', value: unitId },
        ...(page.schoolYear ? [{ field: 'schoolYear', op: 'eq' as const, value: page.schoolYear }] : []),
      ],
    }, page));
  }

  /** The organizer's goals and areas of a school year (this one by default): everyone signed in reads them. */
  async listOrganizer(_caller: Caller, schoolYear: SchoolYear = schoolYearOf(this.now())): Promise<StoredItem<Goal>[]> {
    const view = await this.readModel.read(['goals']);
    return view.where('goals', 'schoolYear', schoolYear).filter(isOrganizers);
  }

  async create(caller: Caller, unitId: string, input: GoalInput, clientKey?: string): Promise<StoredItem<Goal>> {
    await this.access.require(caller, 'unit.edit', unitId);
    const goal = GoalSchema.parse({ ...input, level: 'unit', unitId });
    await this.requireParent(goal);
    return this.store.create('goals', goal, createOptions(actorOf(caller), clientKey));
  }

  async createOrganizer(caller: Caller, input: OrganizerGoalInput, clientKey?: string): Promise<StoredItem<Goal>> {
    this.access.requireGlobal(caller, 'organizer.edit');
    const goal = GoalSchema.parse(input);
    await this.requireParent(goal);
    return this.store.create('goals', goal, createOptions(actorOf(caller), clientKey));
  }

  async update(caller: Caller, id: string, patch: GoalPatch, etag: string): Promise<StoredItem<Goal>> {
    const current = await this.requireEditable(caller, id);
    const next = GoalSchema.parse({ ...current.fields, ...patch });
    if (patch.parentGoalId !== undefined || patch.schoolYear !== undefined) await this.requireParent(next);
    if (patch.schoolYear !== undefined && patch.schoolYear !== current.fields.schoolYear) await this.requireUnused(id, 'ett mål som har mål eller åtgärder under sig byter inte läsår');
    return this.store.update('goals', id, patch, { ...actorOf(caller), etag });
  }

  /** Removes a goal that nothing stands under: no goal of a lower level and no action points at it. */
  async delete(caller: Caller, id: string, etag: string): Promise<void> {
    await this.requireEditable(caller, id);
    await this.requireUnused(id, 'målet har mål eller åtgärder under sig: flytta eller ta bort dem först');
    await this.store.delete('goals', id, { ...actorOf(caller), etag });
  }

  /** A unit's view of the year's hierarchy: the organizer's goals and areas, its own goals and their actions. */
  async unitTree(caller: Caller, unitId: string, schoolYear: SchoolYear = schoolYearOf(this.now())): Promise<GoalTree> {
    const [view] = await Promise.all([this.readModel.read(['goals', 'actions']), this.access.require(caller, 'unit.read', unitId)]);
    const goals = view.where('goals', 'schoolYear', schoolYear).filter((goal) => isOrganizers(goal) || goal.fields.unitId === unitId);
    return goalTreeOf(schoolYear, goals, view.where('actions', 'schoolYear', schoolYear).filter((action) => action.fields.unitId === unitId));
  }

  /** The whole municipality's hierarchy of the year, every unit's goals and actions: the administration's and the board's. */
  async organizerTree(caller: Caller, schoolYear: SchoolYear = schoolYearOf(this.now())): Promise<GoalTree> {
    this.access.requireGlobal(caller, 'organizer.read');
    const view = await this.readModel.read(['goals', 'actions']);
    return goalTreeOf(schoolYear, view.where('goals', 'schoolYear', schoolYear), view.where('actions', 'schoolYear', schoolYear));
  }

  private async requireEditable(caller: Caller, id: string): Promise<StoredItem<Goal>> {
    const goal = await this.store.get('goals', id);
    if (goal.fields.unitId === undefined) {
      this.access.requireGlobal(caller, 'organizer.edit');
    } else {
      await this.access.require(caller, 'unit.read', goal.fields.unitId);
      await this.access.require(caller, 'unit.edit', goal.fields.unitId);
    }
    return goal;
  }

  private async requireParent(goal: Goal): Promise<void> {
    const parent = goal.parentGoalId === undefined ? undefined : await findItem(this.store, 'goals', goal.parentGoalId);
    const violation = checkGoalParent(goal, parent?.fields);
    if (violation) throw new RuleError(violation.code, violation.field, violation.message);
  }

  private async requireUnused(id: string, message: string): Promise<void> {
    const [children, actions] = await this.store.readMany([
      { list: 'goals', query: { filter: [{ field: 'parentGoalId', op: 'eq', value: id }], top: 1 } },
      { list: 'actions', query: { filter: [{ field: 'goalId', op: 'eq', value: id }], top: 1 } },
    ]);
    if (children.page.items.length > 0 || actions.page.items.length > 0) throw new RuleError('goalInUse', 'id', message);
  }
}

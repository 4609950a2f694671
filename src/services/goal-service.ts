import { GoalSchema, type Goal } from '../domain';
import type { Entities } from '../lists/lists';
import type { Page, Store, StoredItem } from '../store/port';
import type { Caller } from './caller';
import { actorOf } from './caller';
import { RuleError } from './errors';
import { findItem } from './lookup';
import { createOptions, pageQuery, type PageRequest } from './paging';
import type { UnitAccess } from './unit-access';

export type GoalInput = Omit<Goal, 'level' | 'unitId'>;
export type GoalPatch = Partial<Omit<Goal, 'level' | 'unitId'>>;

/** Goals and focus areas: a unit's own, and the organizer's (nämndmål) they break down. */
export class GoalService {
  constructor(private readonly store: Store<Entities>, private readonly access: UnitAccess) {}

  /** A unit's goals; with `includeOrganizer`, also the organizer's goals of the same year. */
  async listForUnit(caller: Caller, unitId: string, page: PageRequest & { schoolYear?: string } = {}): Promise<Page<Goal>> {
    await this.access.require(caller, 'unit.read', unitId);
    return this.store.query('goals', pageQuery({
      filter: [
        { field: 'unitId', op: 'eq', value: unitId },
        ...(page.schoolYear ? [{ field: 'schoolYear', op: 'eq' as const, value: page.schoolYear }] : []),
      ],
    }, page));
  }

  async create(caller: Caller, unitId: string, input: GoalInput, clientKey?: string): Promise<StoredItem<Goal>> {
    await this.access.require(caller, 'unit.edit', unitId);
    if (input.parentGoalId !== undefined) await this.requireOrganizerGoal(input.parentGoalId);
    const goal = GoalSchema.parse({ ...input, level: 'unit', unitId });
    return this.store.create('goals', goal, createOptions(actorOf(caller), clientKey));
  }

  async update(caller: Caller, id: string, patch: GoalPatch, etag: string): Promise<StoredItem<Goal>> {
    const current = await this.requireEditable(caller, id);
    if (patch.parentGoalId !== undefined) await this.requireOrganizerGoal(patch.parentGoalId);
    GoalSchema.parse({ ...current.fields, ...patch });
    return this.store.update('goals', id, patch, { ...actorOf(caller), etag });
  }

  async delete(caller: Caller, id: string, etag: string): Promise<void> {
    await this.requireEditable(caller, id);
    await this.store.delete('goals', id, { ...actorOf(caller), etag });
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

  private async requireOrganizerGoal(id: string): Promise<void> {
    const parent = await findItem(this.store, 'goals', id);
    if (parent?.fields.level !== 'organizer') {
      throw new RuleError('parentGoalNotFound', 'parentGoalId', 'ett enhetsmål bryter ner ett befintligt huvudmannamål');
    }
  }
}

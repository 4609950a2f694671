import { isArchived, type Unit } from '../domain';
import type { Entities } from '../lists/lists';
import { DuplicateError } from '../store/errors';
import type { Store, StoredItem } from '../store/port';
import type { Caller } from './caller';
import { actorOf } from './caller';
import { Bindings } from './bindings';
import { NoAccessToUnitError, NotVisibleError, RuleError } from './errors';
import { createOptions } from './paging';
import type { UnitAccess, UnitsShown } from './unit-access';

/** What the administration sets when it creates a unit; the channel is bound later, from Teams. */
export type NewUnit = Pick<Unit, 'name' | 'type' | 'schoolUnitCode'> & Partial<Pick<Unit, 'principalIds' | 'staffGroupId' | 'koladaId'>>;
export type UnitPatch = Partial<Pick<Unit, 'name' | 'type' | 'schoolUnitCode' | 'principalIds' | 'staffGroupId' | 'koladaId'>>;

/** The fields only the administration may change: who leads and who works in a unit, and its codes. */
const membershipFields: readonly (keyof UnitPatch)[] = ['principalIds', 'staffGroupId', 'schoolUnitCode', 'koladaId'];

/** Another unit already has the skolenhetskod (409), named so the administration finds it. */
export function schoolUnitCodeTaken(code: string, holder: StoredItem<Unit> | undefined): RuleError {
  const named = holder ? ` (${holder.fields.name}${isArchived(holder.fields) ? ', arkiverad' : ''})` : '';
  const namedEn = holder ? ` (${holder.fields.name}${isArchived(holder.fields) ? ', archived' : ''})` : '';
  return new RuleError('schoolUnitCodeTaken', 'schoolUnitCode', `skolenhetskoden ${code} har redan en annan enhet${named}`, `school unit code ${code} already belongs to another unit${namedEn}`);
}

/** Units: the ones a caller may see, their settings and their Teams channel; the administration creates and archives them. */
export class UnitService {
  private readonly bindings: Bindings;
  private readonly now: () => Date;

  constructor(private readonly store: Store<Entities>, private readonly access: UnitAccess, options: { now?: () => Date } = {}) {
    this.bindings = new Bindings(store, access);
    this.now = options.now ?? (() => new Date());
  }

  /** Visible units, by name; `search` matches a part of the name or the skolenhetskod. Archived ones only when asked. */
  async list(caller: Caller, search?: string, shown: UnitsShown = 'active'): Promise<StoredItem<Unit>[]> {
    const units = await this.access.visibleUnits(caller, shown);
    const needle = search?.trim().toLocaleLowerCase('sv');
    const found = needle
      ? units.filter((unit) => unit.fields.name.toLocaleLowerCase('sv').includes(needle) || unit.fields.schoolUnitCode.includes(needle))
      : units;
    return [...found].sort((a, b) => a.fields.name.localeCompare(b.fields.name, 'sv'));
  }

  async get(caller: Caller, unitId: string): Promise<StoredItem<Unit>> {
    await this.access.require(caller, 'unit.read', unitId);
    return this.store.get('units', unitId);
  }

  /**
   * Creates a unit (the administration). Its skolenhetskod is unique: a code another unit has is a
   * 409 naming that unit, checked here and held by the list's unique column, so two concurrent
   * creates with one code cannot both be stored.
   */
  async create(caller: Caller, input: NewUnit, idempotencyKey?: string): Promise<StoredItem<Unit>> {
    this.access.requireGlobal(caller, 'organizer.edit');
    const options = createOptions(actorOf(caller), idempotencyKey);
    // a retried create answers its first unit, whose code is of course taken: by itself
    if (options.clientKey === undefined) await this.requireFreeCode(input.schoolUnitCode);
    try {
      return await this.store.create('units', { principalIds: [], ...input }, options);
    } catch (error) {
      throw await this.takenOr(error, input.schoolUnitCode);
    } finally {
      this.access.forget();
    }
  }

  async update(caller: Caller, unitId: string, patch: UnitPatch, etag: string): Promise<StoredItem<Unit>> {
    await this.access.require(caller, 'unit.edit', unitId);
    if (membershipFields.some((field) => patch[field] !== undefined)) this.access.requireGlobal(caller, 'organizer.edit');
    if (patch.schoolUnitCode !== undefined) await this.requireFreeCode(patch.schoolUnitCode, unitId);
    try {
      return await this.store.update('units', unitId, patch, { ...actorOf(caller), etag });
    } catch (error) {
      throw patch.schoolUnitCode === undefined ? error : await this.takenOr(error, patch.schoolUnitCode);
    } finally {
      this.access.forget();
    }
  }

  /**
   * Archives a unit (the administration): it keeps everything recorded in it and can still be read,
   * but nothing in it changes, and it leaves the roll-up and the unit chooser until it is restored.
   */
  async archive(caller: Caller, unitId: string, etag: string): Promise<StoredItem<Unit>> {
    return this.setArchived(caller, unitId, etag, this.now().toISOString());
  }

  /** Restores an archived unit to use. */
  async restore(caller: Caller, unitId: string, etag: string): Promise<StoredItem<Unit>> {
    return this.setArchived(caller, unitId, etag, undefined);
  }

  /**
   * Binds the unit to a Teams channel (unit.configure: the administration or the unit's principal).
   * A channel another unit holds is BindingTakenError naming it; only the administration moves it (`move`).
   */
  async setChannel(caller: Caller, unitId: string, channel: { teamId: string; channelId: string }, move = false): Promise<StoredItem<Unit>> {
    const unit = await this.access.require(caller, 'unit.configure', unitId);
    try {
      return await this.bindings.write(caller, { list: 'units', id: unit.id }, [{ list: 'units', field: 'channelId', value: channel.channelId }], move, async () => {
        const current = await this.store.get('units', unit.id);
        return this.store.update('units', unitId, channel, { ...actorOf(caller), etag: current.etag });
      });
    } finally {
      this.access.forget();
    }
  }

  /** The unit bound to a channel, if the caller may see it; NoAccessToUnitError when it is another's. */
  async byChannel(caller: Caller, teamId: string, channelId: string): Promise<StoredItem<Unit>> {
    const bound = await this.store.queryAll('units', {
      filter: [
        { field: 'teamId', op: 'eq', value: teamId },
        { field: 'channelId', op: 'eq', value: channelId },
      ],
    });
    const unit = bound[0];
    if (!unit) throw new NotVisibleError('channel');
    if (!(await this.access.isVisible(caller, unit.id))) throw new NoAccessToUnitError('channel');
    return unit;
  }

  private async setArchived(caller: Caller, unitId: string, etag: string, archivedAt: string | undefined): Promise<StoredItem<Unit>> {
    this.access.requireGlobal(caller, 'organizer.edit');
    await this.access.visibleUnit(caller, unitId);
    try {
      // undefined clears the column: the unit is in use again
      return await this.store.update('units', unitId, { archivedAt }, { ...actorOf(caller), etag });
    } finally {
      this.access.forget();
    }
  }

  /** The unit holding a skolenhetskod, if any (an indexed query: one item at most). */
  private async holderOf(code: string): Promise<StoredItem<Unit> | undefined> {
    const page = await this.store.query('units', { filter: [{ field: 'schoolUnitCode', op: 'eq', value: code }], top: 1 });
    return page.items[0];
  }

  private async requireFreeCode(code: string, unitId?: string): Promise<void> {
    const holder = await this.holderOf(code);
    if (holder && holder.id !== unitId) throw schoolUnitCodeTaken(code, holder);
  }

  /** A unique-column refusal of the store as the 409 that names the unit holding the code. */
  private async takenOr(error: unknown, code: string): Promise<unknown> {
    if (!(error instanceof DuplicateError) || error.field !== 'schoolUnitCode') return error;
    return schoolUnitCodeTaken(code, await this.holderOf(code).catch(() => undefined));
  }
}

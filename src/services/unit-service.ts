import type { Unit } from '../domain';
import type { Entities } from '../lists/lists';
import type { Store, StoredItem } from '../store/port';
import type { Caller } from './caller';
import { actorOf } from './caller';
import { Bindings } from './bindings';
import { NotVisibleError } from './errors';
import type { UnitAccess } from './unit-access';

export type UnitPatch = Partial<Pick<Unit, 'name' | 'type' | 'schoolUnitCode' | 'principalIds' | 'staffGroupId'>>;

/** The fields only the administration may change: who leads and who works in a unit. */
const membershipFields: readonly (keyof UnitPatch)[] = ['principalIds', 'staffGroupId', 'schoolUnitCode'];

/** Units: the ones a caller may see, their settings and their Teams channel. */
export class UnitService {
  private readonly bindings: Bindings;

  constructor(private readonly store: Store<Entities>, private readonly access: UnitAccess) {
    this.bindings = new Bindings(store, access);
  }

  /** Visible units, by name; `search` matches a part of the name or the skolenhetskod. */
  async list(caller: Caller, search?: string): Promise<StoredItem<Unit>[]> {
    const units = await this.access.visibleUnits(caller);
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

  async update(caller: Caller, unitId: string, patch: UnitPatch, etag: string): Promise<StoredItem<Unit>> {
    await this.access.require(caller, 'unit.edit', unitId);
    if (membershipFields.some((field) => patch[field] !== undefined)) this.access.requireGlobal(caller, 'organizer.edit');
    try {
      return await this.store.update('units', unitId, patch, { ...actorOf(caller), etag });
    } finally {
      this.access.forget();
    }
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

  /** The unit bound to a channel, if the caller may see it. */
  async byChannel(caller: Caller, teamId: string, channelId: string): Promise<StoredItem<Unit>> {
    const bound = await this.store.queryAll('units', {
      filter: [
        { field: 'teamId', op: 'eq', value: teamId },
        { field: 'channelId', op: 'eq', value: channelId },
      ],
    });
    const unit = bound[0];
    if (!unit) throw new NotVisibleError('channel');
    await this.access.visibleUnit(caller, unit.id);
    return unit;
  }
}

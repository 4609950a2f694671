import { YearWheelActivitySchema, type YearWheelActivity } from '../domain';
import type { Entities } from '../lists/lists';
import type { Page, Store, StoredItem } from '../store/port';
import type { ReadModel } from '../store/read-model';
import type { Caller } from './caller';
import { actorOf } from './caller';
import { createOptions, pageOf, type PageRequest } from './paging';
import type { UnitAccess } from './unit-access';

export type YearWheelPatch = Partial<YearWheelActivity>;

/** The year wheel: municipality-wide activities (the administration's) and units' own. */
export class YearWheelService {
  constructor(private readonly store: Store<Entities>, private readonly readModel: ReadModel<Entities>, private readonly access: UnitAccess) {}

  /**
   * A school year's activities that concern the caller, by date: the municipality's and their
   * visible units'. From the read model: a large municipality's year passes the list view threshold.
   */
  async list(caller: Caller, schoolYear: string, page: PageRequest = {}): Promise<Page<YearWheelActivity>> {
    const [view, units] = await Promise.all([this.readModel.read(['yearWheel']), this.access.visibleUnits(caller)]);
    const visible = new Set(units.map((unit) => unit.id));
    const concerning = view.where('yearWheel', 'schoolYear', schoolYear).filter((item) => item.fields.unitId === undefined || visible.has(item.fields.unitId));
    return pageOf(concerning.sort((a, b) => a.fields.date.localeCompare(b.fields.date) || Number(a.id) - Number(b.id)), page);
  }

  async create(caller: Caller, input: YearWheelActivity, clientKey?: string): Promise<StoredItem<YearWheelActivity>> {
    await this.requireEditable(caller, input.unitId);
    return this.store.create('yearWheel', YearWheelActivitySchema.parse(input), createOptions(actorOf(caller), clientKey));
  }

  async update(caller: Caller, id: string, patch: YearWheelPatch, etag: string): Promise<StoredItem<YearWheelActivity>> {
    const current = await this.store.get('yearWheel', id);
    await this.requireEditable(caller, current.fields.unitId);
    if ('unitId' in patch && patch.unitId !== current.fields.unitId) await this.requireEditable(caller, patch.unitId);
    YearWheelActivitySchema.parse({ ...current.fields, ...patch });
    return this.store.update('yearWheel', id, patch, { ...actorOf(caller), etag });
  }

  async delete(caller: Caller, id: string, etag: string): Promise<void> {
    const current = await this.store.get('yearWheel', id);
    await this.requireEditable(caller, current.fields.unitId);
    await this.store.delete('yearWheel', id, { ...actorOf(caller), etag });
  }

  private async requireEditable(caller: Caller, unitId: string | undefined): Promise<void> {
    if (unitId === undefined) this.access.requireGlobal(caller, 'organizer.edit');
    else await this.access.require(caller, 'unit.edit', unitId);
  }
}

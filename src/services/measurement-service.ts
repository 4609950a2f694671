import { schoolYearOfPeriod, type Measurement } from '../domain';
import type { Entities } from '../lists/lists';
import type { Filter, Page, Store, StoredItem } from '../store/port';
import type { Caller } from './caller';
import { actorOf } from './caller';
import { RuleError } from './errors';
import { findItem } from './lookup';
import { createOptions, pageQuery, type PageRequest } from './paging';
import type { UnitAccess } from './unit-access';

export type MeasurementInput = Omit<Measurement, 'unitId' | 'schoolYear'>;

/** Results: an indicator's value for a unit and period. */
export class MeasurementService {
  constructor(private readonly store: Store<Entities>, private readonly access: UnitAccess) {}

  async list(caller: Caller, unitId: string, options: PageRequest & { indicatorId?: string; schoolYear?: string } = {}): Promise<Page<Measurement>> {
    await this.access.require(caller, 'unit.read', unitId);
    const filter: Filter[] = [{ field: 'unitId', op: 'eq', value: unitId }];
    if (options.indicatorId) filter.push({ field: 'indicatorId', op: 'eq', value: options.indicatorId });
    if (options.schoolYear) filter.push({ field: 'schoolYear', op: 'eq', value: options.schoolYear });
    return this.store.query('measurements', pageQuery({ filter }, options));
  }

  async create(caller: Caller, unitId: string, input: MeasurementInput, clientKey?: string): Promise<StoredItem<Measurement>> {
    await this.access.require(caller, 'unit.edit', unitId);
    const indicator = await findItem(this.store, 'indicators', input.indicatorId);
    if (!indicator) throw new RuleError('indicatorNotFound', 'indicatorId', 'indikatorn finns inte');
    const measurement: Measurement = { ...input, unitId, schoolYear: schoolYearOfPeriod(input.period) };
    return this.store.create('measurements', measurement, createOptions(actorOf(caller), clientKey));
  }
}

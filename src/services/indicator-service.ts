import { IndicatorSchema, isoDay, nameKey, type Indicator } from '../domain';
import type { Entities } from '../lists/lists';
import type { Page, Store, StoredItem } from '../store/port';
import type { Caller } from './caller';
import { actorOf } from './caller';
import { RuleError } from './errors';
import { createOptions, pageQuery, type PageRequest } from './paging';
import type { UnitAccess } from './unit-access';

export interface IndicatorServiceOptions {
  readonly now?: () => Date;
}

/**
 * Indicators are the organizer's: everyone signed in reads them, the administration writes and
 * archives them. An archived indicator keeps its results; it leaves the result forms and, from its
 * school year on, the follow-up count. A Kolada KPI id, and a column heading of imported files,
 * names one indicator in use, so an import knows where each row and column goes.
 */
export class IndicatorService {
  private readonly now: () => Date;

  constructor(private readonly store: Store<Entities>, private readonly access: UnitAccess, options: IndicatorServiceOptions = {}) {
    this.now = options.now ?? (() => new Date());
  }

  list(_caller: Caller, page: PageRequest = {}): Promise<Page<Indicator>> {
    return this.store.query('indicators', pageQuery({}, page));
  }

  async create(caller: Caller, input: Indicator, clientKey?: string): Promise<StoredItem<Indicator>> {
    this.access.requireGlobal(caller, 'organizer.edit');
    const indicator = IndicatorSchema.parse(input);
    await this.requireFreeKpi(indicator);
    await this.requireFreeColumns(indicator);
    return this.store.create('indicators', indicator, createOptions(actorOf(caller), clientKey));
  }

  /** Changes an indicator; a field set to undefined is cleared. */
  async update(caller: Caller, id: string, patch: Partial<Indicator>, etag: string): Promise<StoredItem<Indicator>> {
    this.access.requireGlobal(caller, 'organizer.edit');
    const current = await this.store.get('indicators', id);
    const next = IndicatorSchema.parse({ ...current.fields, ...patch });
    if (patch.koladaKpi !== undefined) await this.requireFreeKpi(next, id);
    if (patch.importColumns !== undefined || patch.name !== undefined) await this.requireFreeColumns(next, id);
    return this.store.update('indicators', id, patch, { ...actorOf(caller), etag });
  }

  /** Archives the indicator today; its results stay. */
  async archive(caller: Caller, id: string, etag: string): Promise<StoredItem<Indicator>> {
    this.access.requireGlobal(caller, 'organizer.edit');
    return this.store.update('indicators', id, { archivedOn: isoDay(this.now()) }, { ...actorOf(caller), etag });
  }

  /** Brings an archived indicator back into use (its Kolada KPI id must still be free). */
  async restore(caller: Caller, id: string, etag: string): Promise<StoredItem<Indicator>> {
    this.access.requireGlobal(caller, 'organizer.edit');
    const current = await this.store.get('indicators', id);
    await this.requireFreeKpi({ ...current.fields, archivedOn: undefined }, id);
    await this.requireFreeColumns({ ...current.fields, archivedOn: undefined }, id);
    return this.store.update('indicators', id, { archivedOn: undefined }, { ...actorOf(caller), etag });
  }

  /** A second indicator in use with the same Kolada KPI id is a 409: an import could not tell them apart. */
  private async requireFreeKpi(indicator: Pick<Indicator, 'koladaKpi' | 'archivedOn'>, self?: string): Promise<void> {
    if (indicator.koladaKpi === undefined || indicator.archivedOn !== undefined) return;
    const same = await this.store.queryAll('indicators', { filter: [{ field: 'koladaKpi', op: 'eq', value: indicator.koladaKpi }] });
    const other = same.find((item) => item.id !== self && item.fields.archivedOn === undefined);
    if (other) throw new RuleError('duplicate', 'koladaKpi', `Kolada-KPI ${indicator.koladaKpi} används redan av indikatorn ${other.fields.name}`);
  }

  /**
   * A column heading saved on one indicator in use may be no other's name or heading, nor may its
   * name be another's heading: an import would not know which indicator the column is (compared
   * as imports compare, case and spacing aside).
   */
  private async requireFreeColumns(indicator: Pick<Indicator, 'name' | 'importColumns' | 'archivedOn'>, self?: string): Promise<void> {
    if (indicator.archivedOn !== undefined) return;
    const others = (await this.store.queryAll('indicators', {})).filter((item) => item.id !== self && item.fields.archivedOn === undefined);
    for (const { fields: other } of others) {
      const theirs = new Set([other.name, ...(other.importColumns ?? [])].map(nameKey));
      const taken = (indicator.importColumns ?? []).find((heading) => theirs.has(nameKey(heading)));
      if (taken !== undefined) {
        throw new RuleError('duplicate', 'importColumns', `Kolumnrubriken "${taken}" betyder redan indikatorn ${other.name}`, `The column heading "${taken}" already means the indicator ${other.name}`);
      }
      if ((other.importColumns ?? []).some((heading) => nameKey(heading) === nameKey(indicator.name))) {
        throw new RuleError('duplicate', 'name', `Namnet är en kolumnrubrik som betyder indikatorn ${other.name}`, `The name is a column heading that means the indicator ${other.name}`);
      }
    }
  }
}

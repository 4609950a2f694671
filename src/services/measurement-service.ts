import { appliesTo, MeasurementSchema, schoolYearOfPeriod, type ImportTrail, type Measurement } from '../domain';
import type { Entities } from '../lists/lists';
import { ConflictError } from '../store/errors';
import type { Filter, Page, Store, StoredItem } from '../store/port';
import type { ReadModel } from '../store/read-model';
import type { Caller } from './caller';
import { actorOf } from './caller';
import { countedLists, resultsAsSeen } from './counted-results';
import { RuleError } from './errors';
import { findItem } from './lookup';
import { pageQuery, type PageRequest } from './paging';
import type { UnitAccess } from './unit-access';

/** A result as a user enters it: never with an import's trail (only an import writes that). */
export type MeasurementInput = Omit<Measurement, 'unitId' | 'schoolYear' | keyof ImportTrail>;
/** What correcting a result changes: the total and the groups (the whole breakdown). */
export type MeasurementPatch = Partial<Pick<Measurement, 'value' | 'groups'>>;

/** The one result of an indicator, unit and period: a retried or raced create finds it (see `create`). */
function cellKey(m: Pick<Measurement, 'indicatorId' | 'unitId' | 'period'>): string {
  return `results:${m.indicatorId}:${m.unitId}:${m.period}`;
}

const sameGroups = (a: Measurement['groups'], b: Measurement['groups']) =>
  JSON.stringify([...(a ?? [])].sort((x, y) => x.group.localeCompare(y.group))) === JSON.stringify([...(b ?? [])].sort((x, y) => x.group.localeCompare(y.group)));

/**
 * Results: an indicator's value for a unit and period, with its groups. The unit's principals and
 * staff enter and correct them; there is one result per indicator, unit and period, whether typed
 * or imported, so a second one for the same cell is a conflict carrying the first.
 */
export class MeasurementService {
  constructor(private readonly store: Store<Entities>, private readonly readModel: ReadModel<Entities>, private readonly access: UnitAccess) {}

  /**
   * A unit's results, a page at a time, as users see them (counted-results.ts): which imports are
   * complete comes from the read model, its small list brought up to date beside the page's query.
   */
  async list(caller: Caller, unitId: string, options: PageRequest & { indicatorId?: string; schoolYear?: string } = {}): Promise<Page<Measurement>> {
    await this.access.require(caller, 'unit.read', unitId);
    const filter: Filter[] = [{ field: 'unitId', op: 'eq', value: unitId }];
    if (options.indicatorId) filter.push({ field: 'indicatorId', op: 'eq', value: options.indicatorId });
    if (options.schoolYear) filter.push({ field: 'schoolYear', op: 'eq', value: options.schoolYear });
    const [page, imports] = await Promise.all([this.store.query('measurements', pageQuery({ filter }, options)), this.readModel.read(countedLists)]);
    return { ...page, items: resultsAsSeen(imports, page.items) };
  }

  /**
   * Enters a result. When the cell already has another (someone else entered it, or an import
   * did), it is a ConflictError with that result, so the tab can show it and let the user choose;
   * the same result again (a retry) answers the one stored.
   */
  async create(caller: Caller, unitId: string, input: MeasurementInput): Promise<StoredItem<Measurement>> {
    const unit = await this.access.require(caller, 'results.enter', unitId);
    const measurement = MeasurementSchema.parse({ ...input, unitId, schoolYear: schoolYearOfPeriod(input.period) });
    await this.requireIndicator(measurement, unit.fields.type);
    const existing = await this.store.queryAll('measurements', {
      filter: [{ field: 'unitId', op: 'eq', value: unitId }, { field: 'indicatorId', op: 'eq', value: input.indicatorId }, { field: 'schoolYear', op: 'eq', value: measurement.schoolYear }],
    });
    const taken = existing.find((m) => m.fields.period === measurement.period);
    const found = taken ?? await this.store.create('measurements', measurement, { ...actorOf(caller), clientKey: cellKey(measurement) });
    // the same cell holds another value: someone else entered it, or an import did (the key finds a raced create too)
    if (found.fields.value !== measurement.value || !sameGroups(found.fields.groups, measurement.groups)) throw new ConflictError('measurements', found.id, found);
    return found;
  }

  /**
   * Corrects a result; a stale eTag is a ConflictError with the result as it is now. A corrected
   * result is an ordinary one again: the import that wrote it no longer decides whether it counts.
   */
  async update(caller: Caller, id: string, patch: MeasurementPatch, etag: string): Promise<StoredItem<Measurement>> {
    const current = await this.store.get('measurements', id);
    await this.access.require(caller, 'unit.read', current.fields.unitId);
    const unit = await this.access.require(caller, 'results.enter', current.fields.unitId);
    const next = MeasurementSchema.parse({ ...current.fields, ...patch });
    await this.requireIndicator(next, unit.fields.type);
    const ordinary: ImportTrail = { importId: undefined, beforeImport: undefined };
    return this.store.update('measurements', id, { ...patch, ...ordinary }, { ...actorOf(caller), etag });
  }

  /** The indicator exists, is in use, applies to the unit's type, and breaks results down by the groups given. */
  private async requireIndicator(measurement: Measurement, unitType: Parameters<typeof appliesTo>[1]): Promise<void> {
    const indicator = await findItem(this.store, 'indicators', measurement.indicatorId);
    if (!indicator) throw new RuleError('indicatorNotFound', 'indicatorId', 'indikatorn finns inte');
    if (indicator.fields.archivedOn !== undefined) throw new RuleError('indicatorArchived', 'indicatorId', `indikatorn ${indicator.fields.name} är arkiverad och tar inte emot nya resultat`);
    if (!appliesTo(indicator.fields, unitType)) throw new RuleError('indicatorNotForUnit', 'indicatorId', `indikatorn ${indicator.fields.name} gäller inte enhetens skolform`);
    const known = indicator.fields.groups;
    if (known === undefined) return;
    const names = new Set(known.map((g) => g.toLocaleLowerCase('sv-SE')));
    const index = (measurement.groups ?? []).findIndex((g) => !names.has(g.group.toLocaleLowerCase('sv-SE')));
    if (index >= 0) throw new RuleError('groupNotOfIndicator', `groups.${index}.group`, `indikatorn ${indicator.fields.name} delas upp i ${known.join(', ')}`);
  }
}

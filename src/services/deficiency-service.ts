import {
  checkDeficiency, checkDeficiencyClose, deficiencyCloseBlocker, deficiencyFlags, DeficiencySchema, isoDay, type Action, type Deficiency,
  type DeficiencySource, type DeficiencyStatus,
} from '../domain';
import type { Entities } from '../lists/lists';
import type { Page, Store, StoredItem } from '../store/port';
import { readAllPages } from '../store/read-all-pages';
import type { ReadModel, ReadView } from '../store/read-model';
import type { Caller } from './caller';
import { actorOf } from './caller';
import { RuleError } from './errors';
import { createOptions, pageQuery, type PageRequest } from './paging';
import type { UnitAccess } from './unit-access';

export type DeficiencyInput = Omit<Deficiency, 'unitId' | 'status' | 'closedOn'>;
export type DeficiencyPatch = Partial<Omit<Deficiency, 'unitId'>>;

export interface DeficiencyServiceOptions {
  readonly now?: () => Date;
}

/** Which deficiencies a register lists; every filter that is given must hold. */
export interface DeficiencyFilter {
  readonly source?: DeficiencySource;
  readonly status?: DeficiencyStatus;
  /** only those past their deadline (open ones) */
  readonly overdue?: boolean;
  /** only open ones that no action answers yet */
  readonly withoutAction?: boolean;
}

/** A deficiency in the register: the actions that answer it, what is flagged, and why it cannot close yet. */
export interface DeficiencyEntry {
  readonly deficiency: StoredItem<Deficiency>;
  readonly actions: readonly StoredItem<Action>[];
  readonly withoutAction: boolean;
  readonly overdue: boolean;
  readonly closeBlocker?: 'deficiencyWithoutAction' | 'deficiencyNotEvaluated';
}

/** The register's entries of `deficiencies`, with `actions` (any, of any unit: each entry keeps those that answer it). */
export function deficiencyEntries(deficiencies: readonly StoredItem<Deficiency>[], actions: readonly StoredItem<Action>[], today: string): DeficiencyEntry[] {
  return deficiencies.map((deficiency) => {
    const own = actions.filter((a) => a.fields.originKind === 'deficiency' && a.fields.originId === deficiency.id && a.fields.unitId === deficiency.fields.unitId);
    const fields = own.map((a) => a.fields);
    const blocker = deficiency.fields.status === 'open' ? deficiencyCloseBlocker(fields)?.code : undefined;
    return {
      deficiency,
      actions: own,
      ...deficiencyFlags(deficiency.fields, fields, today),
      ...(blocker === 'deficiencyWithoutAction' || blocker === 'deficiencyNotEvaluated' ? { closeBlocker: blocker } : {}),
    };
  });
}

const openFirst = (a: DeficiencyEntry, b: DeficiencyEntry) =>
  (a.deficiency.fields.status === b.deficiency.fields.status ? 0 : a.deficiency.fields.status === 'open' ? -1 : 1)
  || (a.deficiency.fields.deadline ?? '9999').localeCompare(b.deficiency.fields.deadline ?? '9999')
  || a.deficiency.fields.foundOn.localeCompare(b.deficiency.fields.foundOn);

/**
 * Deficiencies (brister): each must lead to actions, and closes only once one of them has been
 * carried out and evaluated. The register lists them per unit and for the whole organizer: a view,
 * from the read model (every deficiency, never a first page only).
 */
export class DeficiencyService {
  private readonly now: () => Date;

  constructor(private readonly store: Store<Entities>, private readonly readModel: ReadModel<Entities>, private readonly access: UnitAccess, options: DeficiencyServiceOptions = {}) {
    this.now = options.now ?? (() => new Date());
  }

  async list(caller: Caller, unitId: string, page: PageRequest = {}): Promise<Page<Deficiency>> {
    await this.access.require(caller, 'unit.read', unitId);
    return this.store.query('deficiencies', pageQuery({ filter: [{ field: 'unitId', op: 'eq', value: unitId }] }, page));
  }

  /** A unit's register: its deficiencies with their actions and flags, open ones first, soonest deadline first. */
  async register(caller: Caller, unitId: string, filter: DeficiencyFilter = {}): Promise<DeficiencyEntry[]> {
    const [view] = await Promise.all([this.readModel.read(registerLists), this.access.require(caller, 'unit.read', unitId)]);
    return this.entries(view, view.where('deficiencies', 'unitId', unitId), filter);
  }

  /** Every unit's register: the administration's and the board's. */
  async organizerRegister(caller: Caller, filter: DeficiencyFilter = {}): Promise<DeficiencyEntry[]> {
    this.access.requireGlobal(caller, 'organizer.read');
    const view = await this.readModel.read(registerLists);
    return this.entries(view, view.all('deficiencies'), filter);
  }

  async create(caller: Caller, unitId: string, input: DeficiencyInput, clientKey?: string): Promise<StoredItem<Deficiency>> {
    await this.access.require(caller, 'unit.edit', unitId);
    const deficiency = DeficiencySchema.parse({ ...input, unitId, status: 'open' });
    requireWhole(deficiency);
    return this.store.create('deficiencies', deficiency, createOptions(actorOf(caller), clientKey));
  }

  async update(caller: Caller, id: string, patch: DeficiencyPatch, etag: string): Promise<StoredItem<Deficiency>> {
    const current = await this.store.get('deficiencies', id);
    await this.access.require(caller, 'unit.read', current.fields.unitId);
    await this.access.require(caller, 'unit.edit', current.fields.unitId);
    const next = { ...current.fields, ...patch };
    if (patch.status === 'closed' && current.fields.status !== 'closed') {
      const actions = await this.actionsOf(current);
      const violation = checkDeficiencyClose(current.fields, next, actions.map((action) => action.fields));
      if (violation) throw new RuleError(violation.code, violation.field, violation.message);
      if (patch.closedOn === undefined) next.closedOn = isoDay(this.now());
    }
    requireWhole(DeficiencySchema.parse(next));
    const changes: DeficiencyPatch = { ...patch, ...(next.closedOn !== current.fields.closedOn ? { closedOn: next.closedOn } : {}) };
    return this.store.update('deficiencies', id, changes, { ...actorOf(caller), etag });
  }

  private entries(view: ReadView<Pick<Entities, RegisterList>>, deficiencies: readonly StoredItem<Deficiency>[], filter: DeficiencyFilter): DeficiencyEntry[] {
    const matching = deficiencies.filter((d) => (filter.status === undefined || d.fields.status === filter.status) && (filter.source === undefined || d.fields.source === filter.source));
    const actions = matching.flatMap((d) => view.where('actions', 'originId', d.id));
    return deficiencyEntries(matching, actions, isoDay(this.now()))
      .filter((entry) => (!filter.overdue || entry.overdue) && (!filter.withoutAction || entry.withoutAction))
      .sort(openFirst);
  }

  /** The actions that point at a deficiency being closed, from the list itself (by the indexed originId): the rule decides on what is stored. */
  private async actionsOf(deficiency: StoredItem<Deficiency>): Promise<StoredItem<Action>[]> {
    const [actions] = await readAllPages(this.store, [{ list: 'actions', query: { filter: [{ field: 'originId', op: 'eq', value: deficiency.id }] } }]);
    return actions.filter((a) => a.fields.originKind === 'deficiency');
  }
}

/** The lists the register reads. */
const registerLists = ['deficiencies', 'actions'] as const;
type RegisterList = (typeof registerLists)[number];

function requireWhole(deficiency: Deficiency): void {
  const violation = checkDeficiency(deficiency);
  if (violation) throw new RuleError(violation.code, violation.field, violation.message);
}

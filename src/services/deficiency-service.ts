import { checkDeficiencyClose, DeficiencySchema, isoDay, type Deficiency } from '../domain';
import type { Entities } from '../lists/lists';
import type { Page, Store, StoredItem } from '../store/port';
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

/** Deficiencies (brister): each must lead to an action before it can be closed. */
export class DeficiencyService {
  private readonly now: () => Date;

  constructor(private readonly store: Store<Entities>, private readonly access: UnitAccess, options: DeficiencyServiceOptions = {}) {
    this.now = options.now ?? (() => new Date());
  }

  async list(caller: Caller, unitId: string, page: PageRequest = {}): Promise<Page<Deficiency>> {
    await this.access.require(caller, 'unit.read', unitId);
    return this.store.query('deficiencies', pageQuery({ filter: [{ field: 'unitId', op: 'eq', value: unitId }] }, page));
  }

  async create(caller: Caller, unitId: string, input: DeficiencyInput, clientKey?: string): Promise<StoredItem<Deficiency>> {
    await this.access.require(caller, 'unit.edit', unitId);
    const deficiency = DeficiencySchema.parse({ ...input, unitId, status: 'open' });
    return this.store.create('deficiencies', deficiency, createOptions(actorOf(caller), clientKey));
  }

  async update(caller: Caller, id: string, patch: DeficiencyPatch, etag: string): Promise<StoredItem<Deficiency>> {
    const current = await this.store.get('deficiencies', id);
    await this.access.require(caller, 'unit.read', current.fields.unitId);
    await this.access.require(caller, 'unit.edit', current.fields.unitId);
    const next = { ...current.fields, ...patch };
    if (patch.status === 'closed' && current.fields.status !== 'closed') {
      const actions = await this.store.queryAll('actions', { filter: [{ field: 'originId', op: 'eq', value: id }] });
      const violation = checkDeficiencyClose(current.fields, next, actions.map((action) => action.fields));
      if (violation) throw new RuleError(violation.code, violation.field, violation.message);
      if (patch.closedOn === undefined) next.closedOn = isoDay(this.now());
    }
    DeficiencySchema.parse(next);
    const changes: DeficiencyPatch = { ...patch, ...(next.closedOn !== current.fields.closedOn ? { closedOn: next.closedOn } : {}) };
    return this.store.update('deficiencies', id, changes, { ...actorOf(caller), etag });
  }
}

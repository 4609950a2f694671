import { AnalysisSchema, type Analysis } from '../domain';
import type { Entities } from '../lists/lists';
import type { Filter, Page, Store, StoredItem } from '../store/port';
import type { Caller } from './caller';
import { actorOf } from './caller';
import { RuleError } from './errors';
import { createOptions, pageQuery, type PageRequest } from './paging';
import type { UnitAccess } from './unit-access';

/** What a unit writes; status and submission are set by the service. */
export type AnalysisInput = Omit<Analysis, 'unitId' | 'status' | 'submittedAt' | 'submittedBy'>;
export type AnalysisPatch = Partial<AnalysisInput>;

export interface AnalysisServiceOptions {
  readonly now?: () => Date;
}

/**
 * A unit's analyses. Drafts stay inside the unit: other principals and the board read only
 * submitted ones, and a draft of another unit is "not found".
 */
export class AnalysisService {
  private readonly now: () => Date;

  constructor(private readonly store: Store<Entities>, private readonly access: UnitAccess, options: AnalysisServiceOptions = {}) {
    this.now = options.now ?? (() => new Date());
  }

  async list(caller: Caller, unitId: string, options: PageRequest & { schoolYear?: string } = {}): Promise<Page<Analysis>> {
    await this.access.require(caller, 'unit.read', unitId);
    const drafts = await this.access.allows(caller, 'unit.readDraft', unitId);
    const filter: Filter[] = [{ field: 'unitId', op: 'eq', value: unitId }];
    if (options.schoolYear) filter.push({ field: 'schoolYear', op: 'eq', value: options.schoolYear });
    if (!drafts) filter.push({ field: 'status', op: 'ne', value: 'draft' });
    return this.store.query('analyses', pageQuery({ filter }, options));
  }

  async get(caller: Caller, id: string): Promise<StoredItem<Analysis>> {
    const analysis = await this.store.get('analyses', id);
    await this.access.require(caller, 'unit.read', analysis.fields.unitId, {
      analysisStatus: analysis.fields.status === 'draft' ? 'draft' : 'submitted',
    });
    return analysis;
  }

  async create(caller: Caller, unitId: string, input: AnalysisInput, clientKey?: string): Promise<StoredItem<Analysis>> {
    await this.access.require(caller, 'unit.edit', unitId);
    const analysis = AnalysisSchema.parse({ ...input, unitId, status: 'draft' });
    return this.store.create('analyses', analysis, createOptions(actorOf(caller), clientKey));
  }

  async update(caller: Caller, id: string, patch: AnalysisPatch, etag: string): Promise<StoredItem<Analysis>> {
    const current = await this.requireEditableDraft(caller, id);
    AnalysisSchema.parse({ ...current.fields, ...patch });
    return this.store.update('analyses', id, patch, { ...actorOf(caller), etag });
  }

  /** Hands the draft in: from now on other principals and the board may read it. */
  async submit(caller: Caller, id: string, etag: string): Promise<StoredItem<Analysis>> {
    await this.requireEditableDraft(caller, id);
    return this.store.update(
      'analyses',
      id,
      { status: 'submitted', submittedAt: this.now().toISOString(), submittedBy: caller.userId },
      { ...actorOf(caller), etag },
    );
  }

  private async requireEditableDraft(caller: Caller, id: string): Promise<StoredItem<Analysis>> {
    const analysis = await this.get(caller, id);
    await this.access.require(caller, 'unit.edit', analysis.fields.unitId);
    if (analysis.fields.status !== 'draft') {
      throw new RuleError('analysisNotDraft', 'status', 'analysen är redan inlämnad');
    }
    return analysis;
  }
}

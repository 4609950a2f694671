import { AnalysisSchema, analysisPeriodKey, type Analysis } from '../domain';
import { DuplicateError } from '../store/errors';
import type { Entities } from '../lists/lists';
import type { Filter, Page, Store, StoredItem } from '../store/port';
import type { Caller } from './caller';
import { actorOf } from './caller';
import { RuleError } from './errors';
import { createOptions, pageQuery, type PageRequest } from './paging';
import type { UnitAccess } from './unit-access';

/** What a unit writes; status and submission are set by the service. */
export type AnalysisInput = Omit<Analysis, 'unitId' | 'status' | 'submittedAt' | 'submittedBy' | 'periodKey'>;
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

  /**
   * A new draft. One analysis per unit and period: a period the unit already has is refused (409),
   * and the unique period key makes that hold for two creates at the same moment too.
   */
  async create(caller: Caller, unitId: string, input: AnalysisInput, clientKey?: string): Promise<StoredItem<Analysis>> {
    await this.access.require(caller, 'unit.edit', unitId);
    const analysis = AnalysisSchema.parse({ ...input, unitId, status: 'draft', periodKey: analysisPeriodKey(unitId, input.period) });
    await this.requireFreePeriod(unitId, analysis.period);
    try {
      return await this.store.create('analyses', analysis, createOptions(actorOf(caller), clientKey));
    } catch (error) {
      if (error instanceof DuplicateError && error.field === 'periodKey') throw periodTaken();
      throw error;
    }
  }

  async update(caller: Caller, id: string, patch: AnalysisPatch, etag: string): Promise<StoredItem<Analysis>> {
    const current = await this.requireEditableDraft(caller, id);
    const moved = patch.period !== undefined && patch.period !== current.fields.period;
    const fields = moved ? { ...patch, periodKey: analysisPeriodKey(current.fields.unitId, patch.period ?? current.fields.period) } : patch;
    AnalysisSchema.parse({ ...current.fields, ...fields });
    if (moved) await this.requireFreePeriod(current.fields.unitId, patch.period ?? current.fields.period);
    try {
      return await this.store.update('analyses', id, fields, { ...actorOf(caller), etag });
    } catch (error) {
      if (error instanceof DuplicateError && error.field === 'periodKey') throw periodTaken();
      throw error;
    }
  }

  /** The unit has no analysis for the period yet (drafts and submitted ones alike). */
  private async requireFreePeriod(unitId: string, period: string): Promise<void> {
    const held = await this.store.queryAll('analyses', { filter: [{ field: 'unitId', op: 'eq', value: unitId }] });
    if (held.some((item) => item.fields.period === period)) throw periodTaken();
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

function periodTaken(): RuleError {
  return new RuleError('analysisExists', 'period', 'enheten har redan en analys för perioden', 'the unit already has an analysis for the period');
}

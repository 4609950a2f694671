import { FeedbackSchema, type Feedback } from '../domain';
import type { Entities } from '../lists/lists';
import { ConflictError } from '../store/errors';
import type { Page, Store, StoredItem } from '../store/port';
import type { Caller } from './caller';
import { actorOf } from './caller';
import { RuleError } from './errors';
import { findItem } from './lookup';
import { createOptions, pageQuery, type PageRequest } from './paging';
import type { UnitAccess } from './unit-access';

export interface FeedbackServiceOptions {
  readonly now?: () => Date;
}

/** The organizer's feedback (återkoppling) on a unit's submitted analysis, and the unit's read confirmation. */
export class FeedbackService {
  private readonly now: () => Date;

  constructor(private readonly store: Store<Entities>, private readonly access: UnitAccess, options: FeedbackServiceOptions = {}) {
    this.now = options.now ?? (() => new Date());
  }

  async list(caller: Caller, unitId: string, page: PageRequest = {}): Promise<Page<Feedback>> {
    await this.access.require(caller, 'unit.read', unitId);
    return this.store.query('feedback', pageQuery({ filter: [{ field: 'unitId', op: 'eq', value: unitId }] }, page));
  }

  /** Gives feedback on a submitted analysis and marks the analysis `feedbackGiven`. */
  async give(caller: Caller, unitId: string, input: { analysisId: string; text: string }, clientKey?: string): Promise<StoredItem<Feedback>> {
    this.access.requireGlobal(caller, 'organizer.edit');
    await this.access.visibleUnit(caller, unitId);
    const analysis = await findItem(this.store, 'analyses', input.analysisId);
    if (!analysis || analysis.fields.unitId !== unitId) throw new RuleError('analysisNotFound', 'analysisId', 'analysen finns inte i enheten');
    if (analysis.fields.status === 'draft') throw new RuleError('analysisNotSubmitted', 'analysisId', 'återkoppling ges på en inlämnad analys');
    const feedback = FeedbackSchema.parse({
      unitId,
      analysisId: analysis.id,
      schoolYear: analysis.fields.schoolYear,
      text: input.text,
      authorId: caller.userId,
      givenAt: this.now().toISOString(),
    });
    const created = await this.store.create('feedback', feedback, createOptions(actorOf(caller), clientKey));
    await this.markAnalysis(caller, analysis.id);
    return created;
  }

  /** The unit confirms it has read the feedback (feedback.confirm: its principal). */
  async markRead(caller: Caller, id: string): Promise<StoredItem<Feedback>> {
    const feedback = await this.store.get('feedback', id);
    await this.access.require(caller, 'unit.read', feedback.fields.unitId);
    await this.access.require(caller, 'feedback.confirm', feedback.fields.unitId);
    if (feedback.fields.readAt !== undefined) return feedback;
    return this.store.update('feedback', id, { readAt: this.now().toISOString(), readBy: caller.userId }, { ...actorOf(caller), etag: feedback.etag });
  }

  /** The status change is the server's own follow-on write, so a concurrent edit is retried once. */
  private async markAnalysis(caller: Caller, analysisId: string): Promise<void> {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const current = await this.store.get('analyses', analysisId);
      if (current.fields.status === 'feedbackGiven') return;
      try {
        await this.store.update('analyses', analysisId, { status: 'feedbackGiven' }, { ...actorOf(caller), etag: current.etag });
        return;
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt === 1) throw error;
      }
    }
  }
}

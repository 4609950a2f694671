import { isoDay, schoolYearOf, type SchoolYear } from '../../domain';
import type { Entities } from '../../lists/lists';
import type { ReadModel } from '../../store/read-model';
import { toBoardView } from './board';
import { computeRollup } from './compute';
import { readRollupView, rollupDataOf, versionsOf } from './load';
import type { BoardRollup, Rollup, RollupData } from './types';

export interface RollupServiceOptions {
  readonly now?: () => Date;
  /** how many years before the school year are read for trends; default 2 */
  readonly trendYears?: number;
}

/** Roll-ups kept: the school years organizers look at (the current one and a few before it). */
const keptYears = 4;

/**
 * The organizer's roll-up: every unit side by side for a school year, with the years before it
 * for trends, computed from the read model after one round trip (see `rollupDataOf`).
 *
 * A roll-up of the large municipality reads some 265,000 items; computing it on every view would
 * take seconds. So each school year's roll-up is kept with the change versions of the lists it
 * was computed from and the day it was counted on: a view whose round trip brought no change
 * (here or on another instance) gets it as it is; any change to one of its lists, a write of this
 * instance at once, computes it again.
 */
export class RollupService {
  private readonly now: () => Date;
  private readonly trendYears: number;
  private readonly kept = new Map<SchoolYear, { readonly key: string; readonly rollup: Rollup }>();

  constructor(private readonly readModel: ReadModel<Entities>, options: RollupServiceOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.trendYears = options.trendYears ?? 2;
  }

  /** The school year of today, for callers that give none. */
  currentSchoolYear(): SchoolYear {
    return schoolYearOf(this.now());
  }

  /** Everything the roll-up (and the quality report) is computed from. */
  async load(schoolYear: SchoolYear): Promise<RollupData> {
    return rollupDataOf(await readRollupView(this.readModel), schoolYear, this.trendYears);
  }

  async rollup(schoolYear: SchoolYear): Promise<Rollup> {
    const view = await readRollupView(this.readModel);
    const today = isoDay(this.now());
    const key = `${today}|${versionsOf(view)}`;
    const held = this.kept.get(schoolYear);
    if (held?.key === key) return held.rollup;
    const rollup = computeRollup(rollupDataOf(view, schoolYear, this.trendYears), today);
    this.kept.delete(schoolYear);
    this.kept.set(schoolYear, { key, rollup });
    for (const year of this.kept.keys()) if (this.kept.size > keptYears) this.kept.delete(year);
    return rollup;
  }

  /** The board's roll-up: built from the full one by copying only what the board may see. */
  async boardRollup(schoolYear: SchoolYear): Promise<BoardRollup> {
    return toBoardView(await this.rollup(schoolYear));
  }
}

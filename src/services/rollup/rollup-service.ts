import { isoDay, schoolYearOf, type SchoolYear } from '../../domain';
import type { Entities } from '../../lists/lists';
import type { ReadModel } from '../../store/read-model';
import { toBoardView } from './board';
import { keptRollup, type KeptRollup } from './kept-rollup';
import { readRollupView, rollupDataOf } from './load';
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
 * take seconds. So each school year's roll-up is kept with its units' parts, the change versions
 * of its lists and the day it was counted on (kept-rollup.ts): a view whose round trip brought no
 * change (here or on another instance) gets it as it is; a change in some units counts those
 * units' parts again and puts the roll-up together from the parts.
 */
export class RollupService {
  private readonly now: () => Date;
  private readonly trendYears: number;
  private readonly kept = new Map<SchoolYear, KeptRollup>();

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
    const kept = keptRollup(view, { schoolYear, trendYears: this.trendYears, today: isoDay(this.now()) }, this.kept.get(schoolYear));
    this.kept.delete(schoolYear);
    this.kept.set(schoolYear, kept);
    for (const year of this.kept.keys()) if (this.kept.size > keptYears) this.kept.delete(year);
    return kept.rollup;
  }

  /** The board's roll-up: built from the full one by copying only what the board may see. */
  async boardRollup(schoolYear: SchoolYear): Promise<BoardRollup> {
    return toBoardView(await this.rollup(schoolYear));
  }
}

import { isoDay, schoolYearOf, type SchoolYear } from '../../domain';
import type { Entities } from '../../lists/lists';
import type { ReadModel } from '../../store/read-model';
import { toBoardView } from './board';
import { computeRollup } from './compute';
import { loadRollupData } from './load';
import type { BoardRollup, Rollup, RollupData } from './types';

export interface RollupServiceOptions {
  readonly now?: () => Date;
  /** how many years before the school year are read for trends; default 2 */
  readonly trendYears?: number;
}

/**
 * The organizer's roll-up: every unit side by side for a school year, with the years before it
 * for trends, computed from the read model after one round trip (see `loadRollupData`).
 */
export class RollupService {
  private readonly now: () => Date;
  private readonly trendYears: number;

  constructor(private readonly readModel: ReadModel<Entities>, options: RollupServiceOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.trendYears = options.trendYears ?? 2;
  }

  /** The school year of today, for callers that give none. */
  currentSchoolYear(): SchoolYear {
    return schoolYearOf(this.now());
  }

  /** Everything the roll-up (and the quality report) is computed from. */
  load(schoolYear: SchoolYear): Promise<RollupData> {
    return loadRollupData(this.readModel, schoolYear, this.trendYears);
  }

  async rollup(schoolYear: SchoolYear): Promise<Rollup> {
    return computeRollup(await this.load(schoolYear), isoDay(this.now()));
  }

  /** The board's roll-up: built from the full one by copying only what the board may see. */
  async boardRollup(schoolYear: SchoolYear): Promise<BoardRollup> {
    return toBoardView(await this.rollup(schoolYear));
  }
}

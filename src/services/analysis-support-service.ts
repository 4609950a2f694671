import { indicatorIdsFor, resultSupport, schoolYearOfPeriod, type ResultSupport } from '../domain';
import type { Entities } from '../lists/lists';
import { NotFoundError } from '../store/errors';
import type { StoredItem } from '../store/port';
import type { ReadModel } from '../store/read-model';
import type { Caller } from './caller';
import { countedLists, resultsAsSeen } from './counted-results';
import type { UnitAccess } from './unit-access';

export interface IndicatorSupport extends ResultSupport {
  readonly indicator: StoredItem<Entities['indicators']>;
}

/**
 * Analysis support for a unit at a period: for every indicator that applies to the unit and has
 * its results, what the analysis looks at (domain/analysis-support.ts). Read from the read model:
 * the averages need every unit's results of the period, which no list query could page through
 * within the budget.
 */
export class AnalysisSupportService {
  constructor(private readonly readModel: ReadModel<Entities>, private readonly access: UnitAccess) {}

  /** `period` is a valid period (the route's query schema checks it). */
  async support(caller: Caller, unitId: string, at: string): Promise<IndicatorSupport[]> {
    const [view] = await Promise.all([this.readModel.read(['units', 'indicators', 'measurements', 'municipalityResults', ...countedLists]), this.access.require(caller, 'unit.read', unitId)]);
    const unit = view.get('units', unitId);
    if (!unit) throw new NotFoundError('units', unitId);
    const typeOf = new Map(view.all('units').map((u) => [u.id, u.fields.type]));
    const applies = new Set(indicatorIdsFor(view.all('indicators'), unit.fields.type, schoolYearOfPeriod(at)));
    const own = resultsAsSeen(view, view.where('measurements', 'unitId', unitId));
    return view.all('indicators')
      .filter((indicator) => applies.has(indicator.id) && own.some((m) => m.fields.indicatorId === indicator.id))
      .map((indicator) => {
        const others = resultsAsSeen(view, view.where('measurements', 'indicatorId', indicator.id)).flatMap((m) => {
          const unitType = typeOf.get(m.fields.unitId);
          // an archived unit has left the comparison, as it has left the roll-up
          const archived = view.get('units', m.fields.unitId)?.fields.archivedAt !== undefined;
          return m.fields.unitId === unitId || unitType === undefined || archived ? [] : [{ unitType, measurement: m.fields }];
        });
        const mine = own.filter((m) => m.fields.indicatorId === indicator.id).map((m) => m.fields);
        const published = resultsAsSeen(view, view.where('municipalityResults', 'indicatorId', indicator.id)).map((r) => r.fields);
        return { indicator, ...resultSupport(indicator.fields, unit.fields, mine, others, at, published) };
      });
  }
}

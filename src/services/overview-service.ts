import { comparePeriods, deriveCycleState, indicatorIdsFor, isOpen, isOverdue, isoDay, schoolYearOf, type CycleState } from '../domain';
import type { Entities } from '../lists/lists';
import type { Store, StoredItem } from '../store/port';
import type { Caller } from './caller';
import { deficiencyEntries, type DeficiencyEntry } from './deficiency-service';
import type { UnitAccess } from './unit-access';

type Item<K extends keyof Entities> = StoredItem<Entities[K]>;

/** Everything the unit's start page shows, from one batch of reads. */
export interface UnitOverview {
  readonly unit: Item<'units'>;
  readonly schoolYear: string;
  readonly cycle: CycleState;
  readonly goals: Item<'goals'>[];
  readonly indicators: Item<'indicators'>[];
  /** the newest result per indicator */
  readonly latestMeasurements: Item<'measurements'>[];
  readonly openActions: Item<'actions'>[];
  readonly overdueActions: Item<'actions'>[];
  readonly nextMeetings: Item<'meetings'>[];
  readonly nextActivities: Item<'yearWheel'>[];
  readonly latestFeedback?: Item<'feedback'>;
  /** open deficiencies, flagged when no action answers them or their deadline has passed */
  readonly openDeficiencies: DeficiencyEntry[];
}

export interface OverviewServiceOptions {
  readonly now?: () => Date;
  /** how many upcoming meetings and activities are shown. Default 5 */
  readonly upcoming?: number;
}

const PAGE = 500;

/**
 * A unit's overview for a school year. All lists are read with ONE store.readMany call (one Graph
 * $batch round trip); the cycle is derived from what was read, never stored.
 */
export class OverviewService {
  private readonly now: () => Date;
  private readonly upcoming: number;

  constructor(private readonly store: Store<Entities>, private readonly access: UnitAccess, options: OverviewServiceOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.upcoming = options.upcoming ?? 5;
  }

  async overview(caller: Caller, unitId: string, schoolYear?: string): Promise<UnitOverview> {
    await this.access.require(caller, 'unit.read', unitId);
    const drafts = await this.access.allows(caller, 'unit.readDraft', unitId);
    const now = this.now();
    const year = schoolYear ?? schoolYearOf(now);
    const byUnit = { field: 'unitId', op: 'eq' as const, value: unitId };
    const ofYear = { field: 'schoolYear', op: 'eq' as const, value: year };
    const [
      unitRead, goalsRead, indicatorsRead, measurementsRead, analysesRead, actionsRead, meetingsRead, wheelRead, feedbackRead, deficienciesRead, answersRead,
    ] = await this.store.readMany([
      { list: 'units', id: unitId },
      { list: 'goals', query: { filter: [byUnit, ofYear], top: PAGE } },
      { list: 'indicators', query: { top: PAGE } },
      { list: 'measurements', query: { filter: [byUnit], top: PAGE } },
      { list: 'analyses', query: { filter: [byUnit, ofYear], top: PAGE } },
      { list: 'actions', query: { filter: [byUnit, ofYear], top: PAGE } },
      { list: 'meetings', query: { filter: [byUnit, { field: 'startsAt', op: 'ge', value: now.toISOString() }], top: PAGE } },
      { list: 'yearWheel', query: { filter: [ofYear], top: PAGE } },
      { list: 'feedback', query: { filter: [byUnit], top: PAGE } },
      { list: 'deficiencies', query: { filter: [byUnit, { field: 'status', op: 'eq', value: 'open' }], top: PAGE } },
      // the actions that answer a deficiency, of any school year
      { list: 'actions', query: { filter: [byUnit, { field: 'originKind', op: 'eq', value: 'deficiency' }], top: PAGE } },
    ]);
    const unit = unitRead.item;
    const goals = [...goalsRead.page.items];
    const indicators = [...indicatorsRead.page.items];
    const measurements = measurementsRead.page.items;
    const analyses = analysesRead.page.items.filter((a) => drafts || a.fields.status !== 'draft');
    const actions = actionsRead.page.items;
    const meetings = meetingsRead.page.items;
    const wheel = wheelRead.page.items;
    const feedback = feedbackRead.page.items;

    const today = isoDay(now);
    const latest = new Map<string, Item<'measurements'>>();
    for (const m of measurements) {
      const seen = latest.get(m.fields.indicatorId);
      if (!seen || comparePeriods(m.fields.period, seen.fields.period) > 0) latest.set(m.fields.indicatorId, m);
    }
    const cycle = deriveCycleState(year, {
      indicatorIds: indicatorIdsFor(indicators, unit.fields.type, year),
      measurements: measurements.map((m) => m.fields),
      analyses: analyses.map((a) => a.fields),
      goals: goals.map((g) => g.fields),
      actions: actions.map((a) => a.fields),
    });
    const newestFeedback = [...feedback].sort((a, b) => b.fields.givenAt.localeCompare(a.fields.givenAt))[0];
    return {
      unit,
      schoolYear: year,
      cycle,
      goals,
      indicators,
      latestMeasurements: [...latest.values()],
      openActions: actions.filter((a) => isOpen(a.fields)).sort(byDue),
      overdueActions: actions.filter((a) => isOverdue(a.fields, today)).sort(byDue),
      nextMeetings: [...meetings].sort((a, b) => a.fields.startsAt.localeCompare(b.fields.startsAt)).slice(0, this.upcoming),
      nextActivities: wheel
        .filter((w) => w.fields.date >= today && (w.fields.unitId === undefined || w.fields.unitId === unitId))
        .sort((a, b) => a.fields.date.localeCompare(b.fields.date))
        .slice(0, this.upcoming),
      ...(newestFeedback ? { latestFeedback: newestFeedback } : {}),
      openDeficiencies: deficiencyEntries(deficienciesRead.page.items, answersRead.page.items, today),
    };
  }
}

function byDue(a: Item<'actions'>, b: Item<'actions'>): number {
  return a.fields.dueDate.localeCompare(b.fields.dueDate);
}

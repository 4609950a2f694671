import { comparePeriods, deriveCycleState, indicatorIdsFor, isOpen, isOverdue, isoDay, schoolYearOf, type CycleState } from '../domain';
import type { Entities } from '../lists/lists';
import { NotFoundError } from '../store/errors';
import type { StoredItem } from '../store/port';
import type { ReadModel } from '../store/read-model';
import type { Caller } from './caller';
import { countedLists, resultsAsSeen } from './counted-results';
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

/** The lists the overview reads. */
const overviewLists = ['units', 'goals', 'indicators', 'measurements', ...countedLists, 'analyses', 'actions', 'meetings', 'yearWheel', 'feedback', 'deficiencies'] as const;

/**
 * A unit's overview for a school year, from the read model after one round trip that brings its
 * lists up to date: every result of the unit (however many pages), never a first page only. The
 * cycle is derived from what was read, never stored.
 */
export class OverviewService {
  private readonly now: () => Date;
  private readonly upcoming: number;

  constructor(private readonly readModel: ReadModel<Entities>, private readonly access: UnitAccess, options: OverviewServiceOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.upcoming = options.upcoming ?? 5;
  }

  async overview(caller: Caller, unitId: string, schoolYear?: string): Promise<UnitOverview> {
    const [view] = await Promise.all([this.readModel.read(overviewLists), this.access.require(caller, 'unit.read', unitId)]);
    const drafts = await this.access.allows(caller, 'unit.readDraft', unitId);
    const now = this.now();
    const year = schoolYear ?? schoolYearOf(now);
    const unit = view.get('units', unitId);
    if (!unit) throw new NotFoundError('units', unitId);
    const ofYear = <T extends { readonly schoolYear: string }>(item: StoredItem<T>) => item.fields.schoolYear === year;
    const goals = view.where('goals', 'unitId', unitId).filter(ofYear);
    const indicators = [...view.all('indicators')];
    const measurements = resultsAsSeen(view, view.where('measurements', 'unitId', unitId));
    const analyses = view.where('analyses', 'unitId', unitId).filter((a) => ofYear(a) && (drafts || a.fields.status !== 'draft'));
    const meetings = view.where('meetings', 'unitId', unitId).filter((m) => Date.parse(m.fields.startsAt) >= now.getTime());
    const wheel = view.where('yearWheel', 'schoolYear', year);
    const feedback = view.where('feedback', 'unitId', unitId);
    const unitActions = view.where('actions', 'unitId', unitId);
    const actions = unitActions.filter(ofYear);
    const openDeficiencies = view.where('deficiencies', 'unitId', unitId).filter((d) => d.fields.status === 'open');

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
      // the actions that answer a deficiency may be of any school year
      openDeficiencies: deficiencyEntries(openDeficiencies, unitActions, today),
    };
  }
}

function byDue(a: Item<'actions'>, b: Item<'actions'>): number {
  return a.fields.dueDate.localeCompare(b.fields.dueDate);
}

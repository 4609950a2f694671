/**
 * The organizer's roll-up: every unit side by side for a school year, with the two years before it
 * for trends. Everything is read in as few Graph round trips as the store allows: whole-list
 * queries filtered by the indexed schoolYear column, sent together through `store.readMany`
 * (at most 20 reads per $batch, several batches in parallel), following every page.
 */
import {
  deriveCycleState, isOpen, isOverdue, phases, previousSchoolYear, schoolYearOf,
  type Action, type Analysis, type CycleState, type Deficiency, type Feedback, type Indicator,
  type Measurement, type Phase, type PhaseState, type SchoolYear, type Unit,
} from '../domain';
import type { Entities } from '../lists/lists';
import { batchLimit, type Query, type Store, type StoredItem } from '../store/port';
import { readAllPages } from '../store/read-all-pages';

type Item<K extends keyof Entities> = StoredItem<Entities[K]>;

/** Everything the roll-up (and the quality report) is computed from. */
export interface RollupData {
  readonly schoolYear: SchoolYear;
  /** the school year first, then the years before it */
  readonly years: readonly SchoolYear[];
  readonly units: Item<'units'>[];
  readonly indicators: Item<'indicators'>[];
  readonly deficiencies: Item<'deficiencies'>[];
  /** for every year in `years` */
  readonly goals: Item<'goals'>[];
  readonly measurements: Item<'measurements'>[];
  readonly analyses: Item<'analyses'>[];
  readonly actions: Item<'actions'>[];
  /** for the school year only */
  readonly feedback: Item<'feedback'>[];
  readonly meetings: Item<'meetings'>[];
}

/** An action as the roll-up shows it, with its owner (never in the board view). */
export interface RollupAction {
  readonly id: string;
  readonly unitId: string;
  readonly title: string;
  readonly dueDate: string;
  readonly status: Action['status'];
  readonly originKind: Action['originKind'];
  readonly originId: string;
  readonly schoolYear: SchoolYear;
  readonly ownerId: string;
  readonly ownerName?: string;
}

export type FeedbackState = 'noSubmission' | 'waiting' | 'unread' | 'read';

export interface RollupUnit {
  readonly unitId: string;
  readonly name: string;
  readonly type: Unit['type'];
  readonly schoolUnitCode: string;
  /** the cycle in the school year */
  readonly cycle: CycleState;
  /** the cycle in every year read, newest first (for trends) */
  readonly cycleByYear: Readonly<Record<SchoolYear, CycleState>>;
  /** the unit's analysis for the school year: the furthest one if there are several */
  readonly analysisStatus: Analysis['status'] | 'none';
  readonly feedback: FeedbackState;
  readonly openActions: number;
  readonly overdueActions: number;
  readonly openDeficiencies: number;
  /** meetings held or planned in the school year */
  readonly meetings: number;
}

export interface UnitResult {
  readonly unitId: string;
  /** the value of each year read; absent when there is none */
  readonly values: Readonly<Record<SchoolYear, number>>;
  /** against the indicator's target, in the school year; undefined without a target or value */
  readonly meetsTarget?: boolean;
  /** the school year against the year before: better, worse or the same given the direction */
  readonly trend?: 'better' | 'worse' | 'same';
}

export interface IndicatorComparison {
  readonly indicatorId: string;
  readonly name: string;
  readonly unitOfMeasure: Indicator['unitOfMeasure'];
  readonly direction: Indicator['direction'];
  readonly target?: number;
  /** the mean over the units that have a value, per year */
  readonly averages: Readonly<Record<SchoolYear, number>>;
  readonly units: readonly UnitResult[];
  /** how many units meet the target in the school year, of those with a value */
  readonly meetingTarget: number;
  readonly withValue: number;
}

export interface RollupDeficiency {
  readonly id: string;
  readonly unitId: string;
  readonly title: string;
  readonly source: Deficiency['source'];
  readonly foundOn: string;
  readonly deadline?: string;
  readonly status: Deficiency['status'];
  readonly closedOn?: string;
  readonly actions: readonly RollupAction[];
}

export interface AreaToDevelop {
  /** as most units wrote it */
  readonly area: string;
  /** how many units named it in a submitted analysis */
  readonly count: number;
  readonly unitIds: readonly string[];
}

export interface Rollup {
  readonly schoolYear: SchoolYear;
  readonly years: readonly SchoolYear[];
  /** "YYYY-MM-DD": overdue is counted against this day */
  readonly today: string;
  readonly units: readonly RollupUnit[];
  /** how many units are in each state of each phase */
  readonly phaseSummary: Readonly<Record<Phase, Readonly<Record<PhaseState, number>>>>;
  readonly indicators: readonly IndicatorComparison[];
  readonly deficiencies: readonly RollupDeficiency[];
  readonly overdueActions: readonly { readonly unitId: string; readonly actions: readonly RollupAction[] }[];
  readonly commonAreasToDevelop: readonly AreaToDevelop[];
  readonly awaitingFeedback: readonly { readonly unitId: string; readonly analysisId: string; readonly submittedAt?: string }[];
  readonly unreadFeedback: readonly { readonly unitId: string; readonly feedbackId: string; readonly givenAt: string }[];
}

/** An action in the board view: what and when, never who. */
export type BoardAction = Omit<RollupAction, 'ownerId' | 'ownerName'>;
export type BoardDeficiency = Omit<RollupDeficiency, 'actions'> & { readonly actions: readonly BoardAction[] };

/** The roll-up for the board (dialogdagar): the same figures, nothing about individual staff. */
export interface BoardRollup extends Omit<Rollup, 'deficiencies' | 'overdueActions'> {
  readonly deficiencies: readonly BoardDeficiency[];
  readonly overdueActions: readonly { readonly unitId: string; readonly actions: readonly BoardAction[] }[];
}

export interface RollupServiceOptions {
  readonly now?: () => Date;
  /** how many years before the school year are read for trends; default 2 */
  readonly trendYears?: number;
  /** items per page of each query; default 1000 (SharePoint allows up to 5000) */
  readonly pageSize?: number;
  readonly batchSize?: number;
}

/** Builds the roll-up; see `load` for how it reads. */
export class RollupService {
  private readonly now: () => Date;
  private readonly trendYears: number;
  private readonly pageSize: number;
  private readonly batchSize: number;

  constructor(private readonly store: Store<Entities>, options: RollupServiceOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.trendYears = options.trendYears ?? 2;
    this.pageSize = options.pageSize ?? 1_000;
    this.batchSize = options.batchSize ?? batchLimit;
  }

  /** The school year of today, for callers that give none. */
  currentSchoolYear(): SchoolYear {
    return schoolYearOf(this.now());
  }

  /**
   * Reads everything of the school year and the years before it: units, indicators and
   * deficiencies whole; goals, measurements, analyses and actions per year; feedback and meetings
   * of the school year. 17 first-page reads with the defaults: one $batch.
   */
  async load(schoolYear: SchoolYear): Promise<RollupData> {
    const years: SchoolYear[] = [schoolYear];
    for (let i = 0; i < this.trendYears; i++) years.push(previousSchoolYear(years[years.length - 1] ?? schoolYear));
    const top = this.pageSize;
    const ofYear = (year: SchoolYear): Query => ({ filter: [{ field: 'schoolYear', op: 'eq', value: year }], top });
    const perYear = ['goals', 'measurements', 'analyses', 'actions'] as const;
    const reads: { list: keyof Entities; query: Query }[] = [
      { list: 'units', query: { top } },
      { list: 'indicators', query: { top } },
      { list: 'deficiencies', query: { top } },
      ...perYear.flatMap((list) => years.map((year) => ({ list, query: ofYear(year) }))),
      { list: 'feedback', query: ofYear(schoolYear) },
      { list: 'meetings', query: ofYear(schoolYear) },
    ];
    const found = await readAllPages(this.store, reads, { batchSize: this.batchSize });
    const take = <K extends keyof Entities>(list: K): Item<K>[] =>
      reads.flatMap((read, index) => (read.list === list ? (found[index] ?? []) : [])) as Item<K>[];
    return {
      schoolYear,
      years,
      units: take('units'),
      indicators: take('indicators'),
      deficiencies: take('deficiencies'),
      goals: take('goals'),
      measurements: take('measurements'),
      analyses: take('analyses'),
      actions: take('actions'),
      feedback: take('feedback'),
      meetings: take('meetings'),
    };
  }

  async rollup(schoolYear: SchoolYear): Promise<Rollup> {
    return computeRollup(await this.load(schoolYear), isoDay(this.now()));
  }

  /** The board's roll-up: built from the full one by copying only what the board may see. */
  async boardRollup(schoolYear: SchoolYear): Promise<BoardRollup> {
    return toBoardView(await this.rollup(schoolYear));
  }
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | undefined): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    const bucket = map.get(k);
    if (bucket) bucket.push(item);
    else map.set(k, [item]);
  }
  return map;
}

const analysisRank: Record<Analysis['status'], number> = { draft: 0, submitted: 1, feedbackGiven: 2 };

function summarizeAction(item: Item<'actions'>): RollupAction {
  const a: Action = item.fields;
  return {
    id: item.id, unitId: a.unitId, title: a.title, dueDate: a.dueDate, status: a.status, originKind: a.originKind,
    originId: a.originId, schoolYear: a.schoolYear, ownerId: a.ownerId, ...(a.ownerName !== undefined ? { ownerName: a.ownerName } : {}),
  };
}

/**
 * The value of an indicator for a unit in a school year: the whole year's if recorded, else the
 * spring term's (the later one), else the autumn term's.
 */
export function yearValue(measurements: readonly Pick<Measurement, 'period' | 'value'>[], year: SchoolYear): number | undefined {
  const rank = (period: string): number => (period === year ? 3 : period === `${year} VT` ? 2 : period === `${year} HT` ? 1 : 0);
  let best: { rank: number; value: number } | undefined;
  for (const m of measurements) {
    const r = rank(m.period);
    if (r > 0 && (!best || r > best.rank)) best = { rank: r, value: m.value };
  }
  return best?.value;
}

/** Whether a value meets the target, given which way is better. */
export function meetsTarget(value: number, indicator: Pick<Indicator, 'direction' | 'target'>): boolean | undefined {
  if (indicator.target === undefined) return undefined;
  return indicator.direction === 'higherIsBetter' ? value >= indicator.target : value <= indicator.target;
}

/** How areas to develop are compared: case, spacing and trailing punctuation do not matter. */
export function normalizeArea(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('sv-SE').replace(/\s+/g, ' ').replace(/[\s.,;:!?–-]+$/u, '').replace(/^[\s•*–-]+/u, '').trim();
}

/** The areas to develop named in submitted analyses, counted by unit, most common first. */
export function commonAreas(analyses: readonly Pick<Analysis, 'unitId' | 'status' | 'areasToDevelop'>[]): AreaToDevelop[] {
  const byKey = new Map<string, { units: Set<string>; spellings: Map<string, number> }>();
  for (const analysis of analyses) {
    if (analysis.status === 'draft') continue;
    for (const area of analysis.areasToDevelop) {
      const key = normalizeArea(area);
      if (key === '') continue;
      const entry = byKey.get(key) ?? { units: new Set<string>(), spellings: new Map<string, number>() };
      byKey.set(key, entry);
      entry.units.add(analysis.unitId);
      const shown = area.trim().replace(/\s+/g, ' ').replace(/[\s.,;:!?]+$/u, '');
      entry.spellings.set(shown, (entry.spellings.get(shown) ?? 0) + 1);
    }
  }
  return [...byKey.values()]
    .map((entry) => ({
      // the most used spelling; on a tie the first one written (sort is stable)
      area: [...entry.spellings.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '',
      count: entry.units.size,
      unitIds: [...entry.units].sort((a, b) => Number(a) - Number(b)),
    }))
    .sort((a, b) => b.count - a.count || a.area.localeCompare(b.area, 'sv'));
}

function yearRange(year: SchoolYear): { from: string; to: string } {
  const start = Number(year.slice(0, 4));
  return { from: `${start}-07-01`, to: `${start + 1}-06-30` };
}

/** The roll-up, computed from what `load` read. Pure: the same data gives the same roll-up. */
export function computeRollup(data: RollupData, today: string): Rollup {
  const { schoolYear, years } = data;
  const indicatorIds = data.indicators.map((i) => i.id);
  const goalsByUnit = groupBy(data.goals, (g) => g.fields.unitId);
  const measurementsByUnit = groupBy(data.measurements, (m) => m.fields.unitId);
  const analysesByUnit = groupBy(data.analyses, (a) => a.fields.unitId);
  const actionsByUnit = groupBy(data.actions, (a) => a.fields.unitId);
  const deficienciesByUnit = groupBy(data.deficiencies, (d) => d.fields.unitId);
  const meetingsByUnit = groupBy(data.meetings, (m) => m.fields.unitId);
  const feedbackByAnalysis = groupBy(data.feedback, (f) => f.fields.analysisId);
  const units = [...data.units].sort((a, b) => a.fields.name.localeCompare(b.fields.name, 'sv'));

  const rollupUnits: RollupUnit[] = units.map((unit) => {
    const records = {
      indicatorIds,
      measurements: (measurementsByUnit.get(unit.id) ?? []).map((m) => m.fields),
      analyses: (analysesByUnit.get(unit.id) ?? []).map((a) => a.fields),
      goals: (goalsByUnit.get(unit.id) ?? []).map((g) => g.fields),
      actions: (actionsByUnit.get(unit.id) ?? []).map((a) => a.fields),
    };
    const cycleByYear = Object.fromEntries(years.map((year) => [year, deriveCycleState(year, records)]));
    const analyses = (analysesByUnit.get(unit.id) ?? []).filter((a) => a.fields.schoolYear === schoolYear);
    const furthest = [...analyses].sort((a, b) => analysisRank[b.fields.status] - analysisRank[a.fields.status])[0];
    const actions = actionsByUnit.get(unit.id) ?? [];
    return {
      unitId: unit.id,
      name: unit.fields.name,
      type: unit.fields.type,
      schoolUnitCode: unit.fields.schoolUnitCode,
      cycle: deriveCycleState(schoolYear, records),
      cycleByYear,
      analysisStatus: furthest?.fields.status ?? 'none',
      feedback: feedbackState(analyses, feedbackByAnalysis),
      openActions: actions.filter((a) => isOpen(a.fields)).length,
      overdueActions: actions.filter((a) => isOverdue(a.fields, today)).length,
      openDeficiencies: (deficienciesByUnit.get(unit.id) ?? []).filter((d) => d.fields.status === 'open').length,
      meetings: (meetingsByUnit.get(unit.id) ?? []).length,
    };
  });

  const phaseSummary = Object.fromEntries(
    phases.map((phase) => {
      const counts: Record<PhaseState, number> = { notStarted: 0, inProgress: 0, done: 0 };
      for (const u of rollupUnits) counts[u.cycle.phases[phase]] += 1;
      return [phase, counts];
    }),
  ) as Record<Phase, Record<PhaseState, number>>;

  const unitIds = new Set(units.map((u) => u.id));
  const range = yearRange(schoolYear);
  const actionsByOrigin = groupBy(data.actions.filter((a) => a.fields.originKind === 'deficiency'), (a) => a.fields.originId);
  const deficiencies: RollupDeficiency[] = data.deficiencies
    .filter((d) => d.fields.status === 'open' || (d.fields.closedOn ?? d.fields.foundOn) >= range.from)
    .filter((d) => d.fields.foundOn <= range.to)
    .sort((a, b) => (a.fields.status === b.fields.status ? a.fields.foundOn.localeCompare(b.fields.foundOn) : a.fields.status === 'open' ? -1 : 1))
    .map((d) => deficiencyOf(d, (actionsByOrigin.get(d.id) ?? []).filter((a) => a.fields.unitId === d.fields.unitId)));

  const overdueActions = units
    .map((unit) => ({
      unitId: unit.id,
      actions: (actionsByUnit.get(unit.id) ?? []).filter((a) => isOverdue(a.fields, today)).sort((a, b) => a.fields.dueDate.localeCompare(b.fields.dueDate)).map(summarizeAction),
    }))
    .filter((entry) => entry.actions.length > 0);

  const submitted = data.analyses.filter((a) => a.fields.schoolYear === schoolYear && a.fields.status !== 'draft' && unitIds.has(a.fields.unitId));
  const awaitingFeedback = submitted
    .filter((a) => (feedbackByAnalysis.get(a.id) ?? []).length === 0)
    .map((a) => ({ unitId: a.fields.unitId, analysisId: a.id, ...(a.fields.submittedAt !== undefined ? { submittedAt: a.fields.submittedAt } : {}) }));
  const unreadFeedback = data.feedback
    .filter((f) => f.fields.readAt === undefined && unitIds.has(f.fields.unitId))
    .map((f) => ({ unitId: f.fields.unitId, feedbackId: f.id, givenAt: f.fields.givenAt }));

  return {
    schoolYear,
    years,
    today,
    units: rollupUnits,
    phaseSummary,
    indicators: compareIndicators(data, units),
    deficiencies,
    overdueActions,
    commonAreasToDevelop: commonAreas(submitted.map((a) => a.fields)),
    awaitingFeedback,
    unreadFeedback,
  };
}

function feedbackState(analyses: readonly Item<'analyses'>[], feedbackByAnalysis: Map<string, Item<'feedback'>[]>): FeedbackState {
  const submitted = analyses.filter((a) => a.fields.status !== 'draft');
  if (submitted.length === 0) return 'noSubmission';
  const feedback: Feedback[] = submitted.flatMap((a) => (feedbackByAnalysis.get(a.id) ?? []).map((f) => f.fields));
  if (submitted.some((a) => (feedbackByAnalysis.get(a.id) ?? []).length === 0)) return 'waiting';
  return feedback.some((f) => f.readAt === undefined) ? 'unread' : 'read';
}

function deficiencyOf(item: Item<'deficiencies'>, actions: readonly Item<'actions'>[]): RollupDeficiency {
  const d = item.fields;
  return {
    id: item.id, unitId: d.unitId, title: d.title, source: d.source, foundOn: d.foundOn, status: d.status,
    ...(d.deadline !== undefined ? { deadline: d.deadline } : {}),
    ...(d.closedOn !== undefined ? { closedOn: d.closedOn } : {}),
    actions: actions.map(summarizeAction),
  };
}

function compareIndicators(data: RollupData, units: readonly Item<'units'>[]): IndicatorComparison[] {
  const byIndicatorUnit = groupBy(data.measurements, (m) => `${m.fields.indicatorId}|${m.fields.unitId}`);
  const [current, previous] = data.years;
  return [...data.indicators]
    .sort((a, b) => a.fields.name.localeCompare(b.fields.name, 'sv'))
    .map((indicator) => {
      const i = indicator.fields;
      const results: UnitResult[] = units.map((unit) => {
        const measured = (byIndicatorUnit.get(`${indicator.id}|${unit.id}`) ?? []).map((m) => m.fields);
        const values: Record<SchoolYear, number> = {};
        for (const year of data.years) {
          const value = yearValue(measured, year);
          if (value !== undefined) values[year] = value;
        }
        const now = current !== undefined ? values[current] : undefined;
        const before = previous !== undefined ? values[previous] : undefined;
        const met = now !== undefined ? meetsTarget(now, i) : undefined;
        return {
          unitId: unit.id,
          values,
          ...(met !== undefined ? { meetsTarget: met } : {}),
          ...(now !== undefined && before !== undefined ? { trend: trendOf(now, before, i.direction) } : {}),
        };
      });
      const averages: Record<SchoolYear, number> = {};
      for (const year of data.years) {
        const values = results.map((r) => r.values[year]).filter((v): v is number => v !== undefined);
        if (values.length > 0) averages[year] = Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 100) / 100;
      }
      return {
        indicatorId: indicator.id,
        name: i.name,
        unitOfMeasure: i.unitOfMeasure,
        direction: i.direction,
        ...(i.target !== undefined ? { target: i.target } : {}),
        averages,
        units: results,
        meetingTarget: results.filter((r) => r.meetsTarget === true).length,
        withValue: results.filter((r) => current !== undefined && r.values[current] !== undefined).length,
      };
    });
}

function trendOf(now: number, before: number, direction: Indicator['direction']): 'better' | 'worse' | 'same' {
  if (now === before) return 'same';
  return (now > before) === (direction === 'higherIsBetter') ? 'better' : 'worse';
}

function boardAction(action: RollupAction): BoardAction {
  return {
    id: action.id, unitId: action.unitId, title: action.title, dueDate: action.dueDate, status: action.status,
    originKind: action.originKind, originId: action.originId, schoolYear: action.schoolYear,
  };
}

/**
 * The board view of a roll-up. Copies field by field what the board may see instead of deleting
 * what it may not, so a field added to the roll-up later stays out until someone decides otherwise.
 */
export function toBoardView(rollup: Rollup): BoardRollup {
  return {
    schoolYear: rollup.schoolYear,
    years: rollup.years,
    today: rollup.today,
    units: rollup.units,
    phaseSummary: rollup.phaseSummary,
    indicators: rollup.indicators,
    deficiencies: rollup.deficiencies.map((d) => ({
      id: d.id, unitId: d.unitId, title: d.title, source: d.source, foundOn: d.foundOn, status: d.status,
      ...(d.deadline !== undefined ? { deadline: d.deadline } : {}),
      ...(d.closedOn !== undefined ? { closedOn: d.closedOn } : {}),
      actions: d.actions.map(boardAction),
    })),
    overdueActions: rollup.overdueActions.map((entry) => ({ unitId: entry.unitId, actions: entry.actions.map(boardAction) })),
    commonAreasToDevelop: rollup.commonAreasToDevelop,
    awaitingFeedback: rollup.awaitingFeedback,
    unreadFeedback: rollup.unreadFeedback,
  };
}

/**
 * The roll-up's shapes: what the loader reads (`RollupData`), what the computation gives
 * (`Rollup`) and the board's staff-free view of it (`BoardRollup`).
 */
import type {
  Action, Analysis, CycleState, Deficiency, Indicator, Phase, PhaseState, SchoolYear, Unit,
} from '../../domain';
import type { Entities } from '../../lists/lists';
import type { StoredItem } from '../../store/port';

export type Item<K extends keyof Entities> = StoredItem<Entities[K]>;

/** Everything the roll-up (and the quality report) is computed from. */
export interface RollupData {
  readonly schoolYear: SchoolYear;
  /** the school year first, then the years before it */
  readonly years: readonly SchoolYear[];
  readonly units: readonly Item<'units'>[];
  readonly indicators: readonly Item<'indicators'>[];
  readonly deficiencies: readonly Item<'deficiencies'>[];
  /** for every year in `years` */
  readonly goals: readonly Item<'goals'>[];
  readonly measurements: readonly Item<'measurements'>[];
  /** the municipality's own results (Kolada), beside the units' */
  readonly municipalityResults: readonly Item<'municipalityResults'>[];
  readonly analyses: readonly Item<'analyses'>[];
  readonly actions: readonly Item<'actions'>[];
  /** for the school year only */
  readonly feedback: readonly Item<'feedback'>[];
  readonly meetings: readonly Item<'meetings'>[];
}

/** What the roll-up is counted from beside each unit's items: the same for every unit. */
export interface RollupContext {
  readonly schoolYear: SchoolYear;
  /** the school year first, then the years before it */
  readonly years: readonly SchoolYear[];
  /** "YYYY-MM-DD": overdue is counted against this day */
  readonly today: string;
  /** as read: which of them apply to a unit's type, year by year */
  readonly indicators: readonly Item<'indicators'>[];
  /** by name: the order of the comparisons, and of each part's results */
  readonly compared: readonly Item<'indicators'>[];
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
  /** open deficiencies that no action answers yet */
  readonly deficienciesWithoutAction: number;
  /** open deficiencies past their deadline */
  readonly overdueDeficiencies: number;
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
  /** the municipality's own value per year as Kolada publishes it ("Kommunen enligt Kolada"); absent without one */
  readonly municipality?: Readonly<Record<SchoolYear, number>>;
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
  /** open, and no action answers it */
  readonly withoutAction: boolean;
  /** open and past its deadline */
  readonly overdue: boolean;
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

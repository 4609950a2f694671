import type { Action } from './action';
import { isOpen } from './action';
import type { Analysis } from './analysis';
import type { SchoolYear } from './common';
import type { Goal } from './goal';
import type { Measurement } from './measurement';
import { phases } from './choices';
import type { Phase, PhaseState } from './choices';

export interface CycleState {
  readonly schoolYear: SchoolYear;
  readonly phases: Readonly<Record<Phase, PhaseState>>;
  /** the first phase not done, or undefined when the wheel has turned for the year */
  readonly current: Phase | undefined;
}

/** The records of one unit that the cycle is derived from. */
export interface CycleRecords {
  /** ids of the indicators the unit is followed up on in the year: `indicatorIdsFor` its type */
  readonly indicatorIds: readonly string[];
  readonly measurements: readonly Pick<Measurement, 'indicatorId' | 'schoolYear'>[];
  readonly analyses: readonly Pick<Analysis, 'schoolYear' | 'status'>[];
  readonly goals: readonly Pick<Goal, 'schoolYear' | 'level'>[];
  readonly actions: readonly Pick<Action, 'schoolYear' | 'status' | 'evaluation'>[];
}

/**
 * The state of a unit's cycle for a school year, derived from its records and never stored, so
 * it cannot disagree with them.
 * - Uppföljning: done when every indicator the unit is followed up on (those that apply to its type
 *   and are in use that year, `indicatorIdsFor`) has a result for the year, in any of its periods.
 * - Analys: in progress with a draft, done once submitted.
 * - Planering: done with at least one unit goal and one action for the year.
 * - Genomförande: done when every action is finished (done or cancelled) and evaluated.
 */
export function deriveCycleState(year: SchoolYear, records: CycleRecords): CycleState {
  const measured = new Set(records.measurements.filter((m) => m.schoolYear === year).map((m) => m.indicatorId));
  const followUp: PhaseState =
    measured.size === 0 ? 'notStarted' : records.indicatorIds.every((id) => measured.has(id)) ? 'done' : 'inProgress';

  const analyses = records.analyses.filter((a) => a.schoolYear === year);
  const analysis: PhaseState =
    analyses.length === 0 ? 'notStarted' : analyses.some((a) => a.status !== 'draft') ? 'done' : 'inProgress';

  const goals = records.goals.filter((g) => g.schoolYear === year && g.level === 'unit');
  const actions = records.actions.filter((a) => a.schoolYear === year);
  const planning: PhaseState =
    goals.length === 0 && actions.length === 0 ? 'notStarted' : goals.length > 0 && actions.length > 0 ? 'done' : 'inProgress';

  const live = actions.filter((a) => a.status !== 'cancelled');
  const implementation: PhaseState =
    live.length === 0
      ? 'notStarted'
      : live.every((a) => !isOpen(a) && (a.evaluation ?? '').trim() !== '')
        ? 'done'
        : 'inProgress';

  const state = { followUp, analysis, planning, implementation };
  return { schoolYear: year, phases: state, current: phases.find((p) => state[p] !== 'done') };
}

/** The board's view of the roll-up (dialogdagar): the same figures, nothing about individual staff. */
import type { BoardAction, BoardRollup, Rollup, RollupAction } from './types';

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
      withoutAction: d.withoutAction,
      overdue: d.overdue,
    })),
    overdueActions: rollup.overdueActions.map((entry) => ({ unitId: entry.unitId, actions: entry.actions.map(boardAction) })),
    commonAreasToDevelop: rollup.commonAreasToDevelop,
    awaitingFeedback: rollup.awaitingFeedback,
    unreadFeedback: rollup.unreadFeedback,
  };
}

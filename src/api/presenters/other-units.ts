import type { OtherUnits, SharedAction, SharedAnalysis } from '../../contract';
import type { OtherUnitsView } from '../../services';
import type { SharedActionWork, SharedAnalysisWork } from '../../services/other-units/shared-work';

/** Only what another unit may read of an analysis: no participants by name, no who submitted it. */
function presentAnalysis({ analysis, focusAreaIds, indicatorIds }: SharedAnalysisWork): SharedAnalysis {
  const { period, submittedAt, followUp, strengths, areasToDevelop, causes, direction, approach, evaluation } = analysis.fields;
  return {
    id: analysis.id, period, strengths: [...strengths], areasToDevelop: [...areasToDevelop],
    ...(submittedAt !== undefined ? { submittedAt } : {}),
    ...(followUp !== undefined ? { followUp } : {}),
    ...(causes !== undefined ? { causes } : {}),
    ...(direction !== undefined ? { direction } : {}),
    ...(approach !== undefined ? { approach } : {}),
    ...(evaluation !== undefined ? { evaluation } : {}),
    focusAreaIds: [...focusAreaIds], indicatorIds: [...indicatorIds],
  };
}

/** Only what another unit may read of an action: not its owner, nor its comments. */
function presentAction({ action, analysisId, focusAreaIds }: SharedActionWork): SharedAction {
  const { title, description, status, startDate, dueDate, evaluation, originKind } = action.fields;
  return {
    id: action.id, title, status, dueDate, originKind,
    ...(description !== undefined ? { description } : {}),
    ...(startDate !== undefined ? { startDate } : {}),
    ...(evaluation !== undefined ? { evaluation } : {}),
    ...(analysisId !== undefined ? { analysisId } : {}),
    focusAreaIds: [...focusAreaIds],
  };
}

/** `GET /other-units`: copied field by field, so nothing another unit may not read can slip in. */
export function presentOtherUnits(view: OtherUnitsView): OtherUnits {
  return {
    schoolYear: view.schoolYear,
    schoolYears: [...view.schoolYears],
    focusAreas: view.focusAreas.map(({ goal, unitIds }) => ({ focusAreaId: goal.id, title: goal.fields.title, unitIds: [...unitIds] })),
    indicators: view.indicators.map((indicator) => ({ indicatorId: indicator.id, name: indicator.fields.name })),
    units: view.units.map(({ unit, principals, analyses, actions }) => ({
      unitId: unit.id, name: unit.fields.name, type: unit.fields.type,
      principals: principals.map((contact) => ({ ...contact })),
      analyses: analyses.map(presentAnalysis),
      actions: actions.map(presentAction),
    })),
  };
}

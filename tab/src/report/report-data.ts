import type { ApiClient } from '../api/client';
import type { Action, Analysis, Feedback, Indicator, Measurement, Meeting, Overview } from '../../../src/contract';

/** Everything the quality report is assembled from, for one unit and school year. */
export interface ReportData {
  overview: Overview;
  indicators: readonly Indicator[];
  measurements: readonly Measurement[];
  analyses: readonly Analysis[];
  actions: readonly Action[];
  meetings: readonly Meeting[];
  feedback: readonly Feedback[];
}

/** Reads the report's data in parallel. */
export async function loadReportData(api: ApiClient, unitId: string): Promise<ReportData> {
  const overview = await api.overview(unitId);
  const schoolYear = overview.schoolYear;
  const [indicators, measurements, analyses, actions, meetings, feedback] = await Promise.all([
    api.indicators(), api.measurements(unitId), api.analyses(unitId, schoolYear), api.actions(unitId), api.meetings(unitId), api.feedback(unitId),
  ]);
  return {
    overview,
    indicators: indicators.items,
    measurements: measurements.items,
    analyses: analyses.items,
    actions: actions.items.filter((a) => a.schoolYear === schoolYear),
    meetings: meetings.items.filter((m) => m.schoolYear === schoolYear),
    feedback: feedback.items.filter((f) => f.schoolYear === schoolYear),
  };
}

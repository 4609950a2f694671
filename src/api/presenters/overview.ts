import type { Overview } from '../../contract';
import type { UnitOverview } from '../../services/overview-service';
import { presentDeficiencyEntry } from './deficiencies';
import { represent } from './item';

/** `GET /units/:unitId/overview`. */
export function presentOverview(overview: UnitOverview): Overview {
  return {
    unit: represent(overview.unit),
    schoolYear: overview.schoolYear,
    cycle: overview.cycle,
    goals: overview.goals.map(represent),
    indicators: overview.indicators.map(represent),
    latestMeasurements: overview.latestMeasurements.map(represent),
    openActions: overview.openActions.map(represent),
    overdueActions: overview.overdueActions.map(represent),
    nextMeetings: overview.nextMeetings.map(represent),
    nextActivities: overview.nextActivities.map(represent),
    ...(overview.latestFeedback ? { latestFeedback: represent(overview.latestFeedback) } : {}),
    openDeficiencies: overview.openDeficiencies.map((entry) => presentDeficiencyEntry(entry)),
  };
}

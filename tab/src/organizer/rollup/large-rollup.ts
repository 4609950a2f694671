/** A roll-up of a large municipality for the specs: `count` units of every school form, one indicator. */
import type { Rollup, RollupUnit } from '../../../../src/contract';
import { unitTypes } from '../../../../src/domain/choices';

export const testYear = '2025/26';

export function largeRollup(count: number): Rollup {
  const units: RollupUnit[] = Array.from({ length: count }, (_, u) => ({
    unitId: String(u + 1), name: `Enhet ${String(u + 1).padStart(3, '0')}`, type: unitTypes[u % unitTypes.length] ?? 'grundskola', schoolUnitCode: String(70_000_000 + u),
    cycle: { schoolYear: testYear, phases: { followUp: 'done', analysis: u % 2 === 0 ? 'done' : 'inProgress', planning: 'notStarted', implementation: 'notStarted' }, current: u % 2 === 0 ? 'planning' : 'analysis' },
    analysisStatus: 'submitted', feedback: u % 10 === 0 ? 'waiting' : 'read',
    openActions: 2, overdueActions: u % 7 === 0 ? 1 : 0, openDeficiencies: 0, deficienciesWithoutAction: 0, overdueDeficiencies: 0, meetings: 2,
  }));
  return {
    schoolYear: testYear, years: [testYear], today: '2026-03-01', units,
    phaseSummary: { followUp: { done: count, inProgress: 0, notStarted: 0 }, analysis: { done: count / 2, inProgress: count / 2, notStarted: 0 }, planning: { done: 0, inProgress: 0, notStarted: count }, implementation: { done: 0, inProgress: 0, notStarted: count } },
    indicators: [{
      indicatorId: 'i1', name: 'Närvaro', unitOfMeasure: 'percent', direction: 'higherIsBetter', target: 95,
      averages: { [testYear]: 90 }, meetingTarget: units.filter((_, u) => 80 + (u % 20) >= 95).length, withValue: count,
      units: units.map((unit, u) => ({ unitId: unit.unitId, values: { [testYear]: 80 + (u % 20) }, meetsTarget: 80 + (u % 20) >= 95 })),
    }],
    deficiencies: [], overdueActions: [],
    commonAreasToDevelop: [{ area: 'Studiero', count: 3, unitIds: ['2', '4', '6'] }],
    awaitingFeedback: [], unreadFeedback: [],
  };
}

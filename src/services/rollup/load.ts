/**
 * Reading the roll-up: from the read model, after one round trip that brings its lists up to
 * date. A school year's results pass SharePoint's 5,000-item list view threshold in a large
 * municipality, so they are never queried by year; the mirror holds every item, indexed by year.
 */
import { previousSchoolYear, type SchoolYear } from '../../domain';
import type { Entities } from '../../lists/lists';
import type { ReadModel, ReadView } from '../../store/read-model';
import { countedLists, resultsAsSeen } from '../counted-results';
import type { RollupData } from './types';

/** The lists the roll-up (and the quality report) read. */
// `resultImports` says which results count: an import's completion changes its version, so the kept roll-up is counted again
export const rollupLists = ['units', 'indicators', 'deficiencies', 'goals', 'measurements', 'municipalityResults', ...countedLists, 'analyses', 'actions', 'feedback', 'meetings'] as const;

/** The school year first, then `trendYears` years before it. */
function yearsOf(schoolYear: SchoolYear, trendYears: number): SchoolYear[] {
  const years: SchoolYear[] = [schoolYear];
  for (let i = 0; i < trendYears; i++) years.push(previousSchoolYear(years[years.length - 1] ?? schoolYear));
  return years;
}

/** The roll-up's lists as one round trip brought them up to date. */
export type RollupView = ReadView<Pick<Entities, (typeof rollupLists)[number]>>;

export function readRollupView(readModel: ReadModel<Entities>): Promise<RollupView> {
  return readModel.read(rollupLists);
}

/** The change versions of the roll-up's lists in a view: equal versions, the same roll-up data. */
export function versionsOf(view: RollupView): string {
  return rollupLists.map((list) => view.version(list)).join('.');
}

/**
 * Everything of the school year and the `trendYears` years before it: units, indicators and
 * deficiencies whole; goals, measurements, analyses and actions of each year; feedback and
 * meetings of the school year.
 */
export function rollupDataOf(view: RollupView, schoolYear: SchoolYear, trendYears: number): RollupData {
  const years = yearsOf(schoolYear, trendYears);
  return {
    schoolYear,
    years,
    units: view.all('units'),
    indicators: view.all('indicators'),
    deficiencies: view.all('deficiencies'),
    goals: years.flatMap((year) => view.where('goals', 'schoolYear', year)),
    // the results as users see them: an unfinished import's are not counted (counted-results.ts)
    measurements: resultsAsSeen(view, years.flatMap((year) => view.where('measurements', 'schoolYear', year))),
    municipalityResults: resultsAsSeen(view, years.flatMap((year) => view.where('municipalityResults', 'schoolYear', year))),
    analyses: years.flatMap((year) => view.where('analyses', 'schoolYear', year)),
    actions: years.flatMap((year) => view.where('actions', 'schoolYear', year)),
    feedback: view.where('feedback', 'schoolYear', schoolYear),
    meetings: view.where('meetings', 'schoolYear', schoolYear),
  };
}

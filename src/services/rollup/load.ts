/**
 * Reading the roll-up: from the read model, after one round trip that brings its lists up to
 * date. A school year's results pass SharePoint's 5,000-item list view threshold in a large
 * municipality, so they are never queried by year; the mirror holds every item, indexed by year
 * (for the whole roll-up) and by unit (for one unit's part, after a change in that unit).
 */
import { previousSchoolYear, type SchoolYear } from '../../domain';
import type { Entities } from '../../lists/lists';
import type { StoredItem } from '../../store/port';
import type { ReadModel, ReadView } from '../../store/read-model';
import { countedLists, resultsAsSeen } from '../counted-results';
import type { Item, RollupData } from './types';
import type { UnitRecords } from './unit-part';

/** The lists the roll-up (and the quality report) read. */
// `resultImports` says which results count: an import's completion changes its version, so the kept roll-up is counted again
export const rollupLists = ['units', 'indicators', 'deficiencies', 'goals', 'measurements', 'municipalityResults', ...countedLists, 'analyses', 'actions', 'feedback', 'meetings'] as const;
export type RollupList = (typeof rollupLists)[number];

/** The school year first, then `trendYears` years before it. */
function yearsOf(schoolYear: SchoolYear, trendYears: number): SchoolYear[] {
  const years: SchoolYear[] = [schoolYear];
  for (let i = 0; i < trendYears; i++) years.push(previousSchoolYear(years[years.length - 1] ?? schoolYear));
  return years;
}

/** The roll-up's lists as one round trip brought them up to date. */
export type RollupView = ReadView<Pick<Entities, RollupList>>;

export function readRollupView(readModel: ReadModel<Entities>): Promise<RollupView> {
  return readModel.read(rollupLists);
}

/** The change version of each of the roll-up's lists in a view, in `rollupLists`' order: equal versions, the same roll-up data. */
export function versionsOf(view: RollupView): number[] {
  return rollupLists.map((list) => view.version(list));
}

/** Items of `years`, year by year in that order, by id within a year (as the list holds them). */
function ofYears<T extends { readonly schoolYear: SchoolYear }>(items: readonly StoredItem<T>[], years: readonly SchoolYear[]): StoredItem<T>[] {
  return years.flatMap((year) => items.filter((item) => item.fields.schoolYear === year));
}

// The results the roll-up counts: read here only, for the whole roll-up and for one unit's part
// alike, as users see them (an unfinished import's are not counted: counted-results.ts).

/** The units' results of `years`, year by year: every unit's, or the one unit's. */
function measurementsOf(view: RollupView, years: readonly SchoolYear[], unitId?: string): Item<'measurements'>[] {
  return resultsAsSeen(view, unitId === undefined
    ? years.flatMap((year) => view.where('measurements', 'schoolYear', year))
    : ofYears(view.where('measurements', 'unitId', unitId), years));
}

/** The municipality's own results (Kolada) of `years`, year by year. */
export function municipalityResultsOf(view: RollupView, years: readonly SchoolYear[]): Item<'municipalityResults'>[] {
  return resultsAsSeen(view, years.flatMap((year) => view.where('municipalityResults', 'schoolYear', year)));
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
    measurements: measurementsOf(view, years),
    municipalityResults: municipalityResultsOf(view, years),
    analyses: years.flatMap((year) => view.where('analyses', 'schoolYear', year)),
    actions: years.flatMap((year) => view.where('actions', 'schoolYear', year)),
    feedback: view.where('feedback', 'schoolYear', schoolYear),
    meetings: view.where('meetings', 'schoolYear', schoolYear),
  };
}

/**
 * One unit's items, read by the unit: what `unitRecordsOf(rollupDataOf(view, ...))` gives for it
 * (compute.ts), in the same order, without reading any other unit's.
 */
export function unitRecordsIn(view: RollupView, unit: Item<'units'>, years: readonly SchoolYear[]): UnitRecords {
  const [schoolYear] = years;
  const ofSchoolYear = <T extends { readonly schoolYear: SchoolYear }>(items: readonly StoredItem<T>[]) => items.filter((item) => item.fields.schoolYear === schoolYear);
  const analyses = ofYears(view.where('analyses', 'unitId', unit.id), years);
  return {
    unit,
    goals: ofYears(view.where('goals', 'unitId', unit.id), years),
    measurements: measurementsOf(view, years, unit.id),
    analyses,
    actions: ofYears(view.where('actions', 'unitId', unit.id), years),
    deficiencies: view.where('deficiencies', 'unitId', unit.id),
    meetings: ofSchoolYear(view.where('meetings', 'unitId', unit.id)),
    feedbackByAnalysis: new Map(ofSchoolYear(analyses).map((analysis) => [analysis.id, ofSchoolYear(view.where('feedback', 'analysisId', analysis.id))])),
    feedback: ofSchoolYear(view.where('feedback', 'unitId', unit.id)),
  };
}

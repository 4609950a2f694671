/**
 * Reading the roll-up: whole-list queries filtered by the indexed schoolYear column, sent together
 * through the store's one pager (at most 20 reads per $batch, several batches in parallel),
 * following every page.
 */
import { previousSchoolYear, type SchoolYear } from '../../domain';
import type { Entities } from '../../lists/lists';
import type { Query, Store } from '../../store/port';
import { readAllPages, type ReadAllOptions } from '../../store/read-all-pages';
import type { RollupData } from './types';

export interface LoadOptions extends ReadAllOptions {
  /** how many years before the school year are read for trends */
  readonly trendYears: number;
  /** items per page of each query */
  readonly pageSize: number;
}

/** The school year first, then `trendYears` years before it. */
function yearsOf(schoolYear: SchoolYear, trendYears: number): SchoolYear[] {
  const years: SchoolYear[] = [schoolYear];
  for (let i = 0; i < trendYears; i++) years.push(previousSchoolYear(years[years.length - 1] ?? schoolYear));
  return years;
}

/**
 * Reads everything of the school year and the years before it: units, indicators and
 * deficiencies whole; goals, measurements, analyses and actions per year; feedback and meetings
 * of the school year. 17 first-page reads with two trend years: one $batch.
 */
export async function loadRollupData(store: Store<Entities>, schoolYear: SchoolYear, options: LoadOptions): Promise<RollupData> {
  const years = yearsOf(schoolYear, options.trendYears);
  const top = options.pageSize;
  const ofYear = (year: SchoolYear): Query => ({ filter: [{ field: 'schoolYear', op: 'eq', value: year }], top });
  const perYear = <K extends 'goals' | 'measurements' | 'analyses' | 'actions'>(list: K) => years.map((year) => ({ list, query: ofYear(year) }));
  const [units, indicators, deficiencies, goals, measurements, analyses, actions, feedback, meetings] = await readAllPages(store, [
    { list: 'units', query: { top } },
    { list: 'indicators', query: { top } },
    { list: 'deficiencies', query: { top } },
    perYear('goals'),
    perYear('measurements'),
    perYear('analyses'),
    perYear('actions'),
    { list: 'feedback', query: ofYear(schoolYear) },
    { list: 'meetings', query: ofYear(schoolYear) },
  ], options.batchSize !== undefined ? { batchSize: options.batchSize } : {});
  return { schoolYear, years, units, indicators, deficiencies, goals, measurements, analyses, actions, feedback, meetings };
}

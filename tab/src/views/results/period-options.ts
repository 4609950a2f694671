import { monthsOf, monthPeriod, termPeriod } from '../../../../src/domain/period';
import type { Formatter } from '../../../../src/domain/format';
import { periodLabel } from '../../../../src/domain/vocabulary';

/** The periods results are entered for in a school year: the whole year, its terms, and its months August to June. */
export function periodOptions(schoolYear: string, format: Pick<Formatter, 'language' | 'month'>): { value: string; label: string }[] {
  const months = monthsOf(schoolYear).filter((month) => !month.endsWith('-07'));
  return [schoolYear, termPeriod(schoolYear, 'HT'), termPeriod(schoolYear, 'VT'), ...months.map((month) => monthPeriod(schoolYear, month))]
    .map((value) => ({ value, label: periodLabel(value, format) }));
}

/** The term a day falls in: HT from August, VT from January. */
export function currentTerm(schoolYear: string, now: Date = new Date()): string {
  return termPeriod(schoolYear, now.getMonth() >= 6 ? 'HT' : 'VT');
}

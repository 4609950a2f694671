import { schoolYearOf } from '../util/dates';

/** The school years to choose from: this one and the two before. */
export function recentSchoolYears(now: Date = new Date()): string[] {
  const current = schoolYearOf(now);
  const start = Number(current.slice(0, 4));
  return [0, 1, 2].map((back) => `${start - back}/${String((start - back + 1) % 100).padStart(2, '0')}`);
}

import { monthPeriod, parsePeriod, schoolYearOf, schoolYear as schoolYearSchema, type SchoolYear } from '../../domain';

export interface ImportPeriod {
  readonly period: string;
  readonly schoolYear: SchoolYear;
}

/**
 * A period as files write it. A bare year N is the school year that ends in N ((N-1)/N): Kolada
 * and Skolverket label school results by the spring term they were taken in. "2024/25",
 * "2024/2025", and "2024/25 HT" or "VT" are taken as written; a month, "2024-10" (or
 * "2024/25 2024-10"), is that month of the school year it falls in.
 */
export function readPeriod(raw: string): ImportPeriod | undefined {
  const text = raw.trim().replace(/\s+/g, ' ');
  const month = /^(?:(\d{4}\/\d{2}) )?(\d{4}-(?:0[1-9]|1[0-2]))$/.exec(text);
  if (month?.[2] !== undefined) {
    const year = schoolYearOf(`${month[2]}-15T12:00:00Z`);
    const parsed = parsePeriod(monthPeriod(month[1] ?? year, month[2]));
    return parsed ? { period: monthPeriod(parsed.schoolYear, month[2]), schoolYear: parsed.schoolYear } : undefined;
  }
  let start: number;
  let term = '';
  const year = /^(\d{4})$/.exec(text);
  const span = /^(\d{4})\s*[/-]\s*(\d{2}|\d{4})(?: (HT|VT))?$/i.exec(text);
  if (year) start = Number(year[1]) - 1;
  else if (span) {
    start = Number(span[1]);
    const end = span[2] ?? '';
    if (Number(end.slice(-2)) !== (start + 1) % 100 || (end.length === 4 && Number(end) !== start + 1)) return undefined;
    term = span[3] ? ` ${span[3].toUpperCase()}` : '';
  } else return undefined;
  const schoolYear = `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
  if (!schoolYearSchema.safeParse(schoolYear).success) return undefined;
  return { period: `${schoolYear}${term}`, schoolYear };
}

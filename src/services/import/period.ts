import { schoolYear as schoolYearSchema, type SchoolYear } from '../../domain';

export interface ImportPeriod {
  readonly period: string;
  readonly schoolYear: SchoolYear;
}

/**
 * A period as files write it. A bare year N is the school year that ends in N ((N-1)/N): Kolada
 * and Skolverket label school results by the spring term they were taken in. "2024/25",
 * "2024/2025", and "2024/25 HT" or "VT" are taken as written.
 */
export function readPeriod(raw: string): ImportPeriod | undefined {
  const text = raw.trim().replace(/\s+/g, ' ');
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

/**
 * Follow-up periods as municipalities work: a whole school year, one of its terms, or one of its
 * months (attendance, and the result conferences some municipalities hold four times a year).
 *
 *   "2025/26"           the school year (1 July 2025 – 30 June 2026)
 *   "2025/26 HT"        its autumn term (August – December 2025)
 *   "2025/26 VT"        its spring term (January – June 2026)
 *   "2025/26 2025-10"   a month of it (October 2025): the school year, then the month as YYYY-MM
 *
 * Every period begins with its school year, so a filter or a sort by school year keeps working,
 * and each kind on its own sorts as text. Across kinds, `comparePeriods` orders them by when they
 * end (a month, then the term it closes, then the school year that the spring term closes).
 * Pure, without zod: the tab reads periods with it too (the schema is `period` in common.ts).
 */
import type { SchoolYear } from './common';

export const periodKinds = ['schoolYear', 'term', 'month'] as const;
export type PeriodKind = (typeof periodKinds)[number];
export const terms = ['HT', 'VT'] as const;
export type Term = (typeof terms)[number];

export interface ParsedPeriod {
  readonly schoolYear: SchoolYear;
  readonly kind: PeriodKind;
  /** for a term */
  readonly term?: Term;
  /** for a month: "YYYY-MM" */
  readonly month?: string;
}

/** How a period is written; `parsePeriod` also holds a month to its school year. */
export const periodPattern = /^(\d{4}\/\d{2})(?: (HT|VT|\d{4}-(?:0[1-9]|1[0-2])))?$/;

/** "2025/26": two years that follow each other. */
export function isSchoolYear(value: string): boolean {
  const match = /^(\d{4})\/(\d{2})$/.exec(value);
  return match !== null && (Number(match[1]) + 1) % 100 === Number(match[2]);
}

/** The months of a school year, July to June, as "YYYY-MM". */
export function monthsOf(year: SchoolYear): string[] {
  const start = Number(year.slice(0, 4));
  return Array.from({ length: 12 }, (_, i) => {
    const month = ((6 + i) % 12) + 1;
    return `${month >= 7 ? start : start + 1}-${String(month).padStart(2, '0')}`;
  });
}

/** What a period is, or undefined when it is not one (a month outside its school year included). */
export function parsePeriod(value: string): ParsedPeriod | undefined {
  const match = periodPattern.exec(value);
  const year = match?.[1];
  if (!match || year === undefined || !isSchoolYear(year)) return undefined;
  const rest = match[2];
  if (rest === undefined) return { schoolYear: year, kind: 'schoolYear' };
  if (rest === 'HT' || rest === 'VT') return { schoolYear: year, kind: 'term', term: rest };
  return monthsOf(year).includes(rest) ? { schoolYear: year, kind: 'month', month: rest } : undefined;
}

export function schoolYearOfPeriod(value: string): SchoolYear {
  return value.slice(0, 7);
}

export function termPeriod(year: SchoolYear, term: Term): string {
  return `${year} ${term}`;
}

export function monthPeriod(year: SchoolYear, month: string): string {
  return `${year} ${month}`;
}

/** The first and last month a period covers, as "YYYY-MM". */
export function periodSpan(value: string): { from: string; to: string } {
  const parsed = parsePeriod(value);
  const start = Number(value.slice(0, 4));
  if (parsed?.month) return { from: parsed.month, to: parsed.month };
  if (parsed?.term === 'HT') return { from: `${start}-08`, to: `${start}-12` };
  if (parsed?.term === 'VT') return { from: `${start + 1}-01`, to: `${start + 1}-06` };
  return { from: `${start}-07`, to: `${start + 1}-06` };
}

const breadth: Readonly<Record<PeriodKind, number>> = { month: 0, term: 1, schoolYear: 2 };

/**
 * Orders periods by when they end; of two that end in the same month the shorter comes first
 * (June 2026, then VT, then the school year 2025/26): the order in which their results are known.
 */
export function comparePeriods(a: string, b: string): number {
  const end = periodSpan(a).to.localeCompare(periodSpan(b).to);
  if (end !== 0) return end;
  const kinds = breadth[parsePeriod(a)?.kind ?? 'schoolYear'] - breadth[parsePeriod(b)?.kind ?? 'schoolYear'];
  return kinds !== 0 ? kinds : a.localeCompare(b);
}

/**
 * The period before this one of the same kind: the spring term before an autumn term, the autumn
 * term before a spring term, the school year before, the month before. "Hur blev det?" looks
 * back at the actions of that period.
 */
export function previousPeriod(value: string): string | undefined {
  const parsed = parsePeriod(value);
  if (!parsed) return undefined;
  const start = Number(parsed.schoolYear.slice(0, 4));
  const yearBefore = `${start - 1}/${String(start % 100).padStart(2, '0')}`;
  if (parsed.kind === 'schoolYear') return yearBefore;
  if (parsed.term === 'VT') return `${parsed.schoolYear} HT`;
  if (parsed.term === 'HT') return `${yearBefore} VT`;
  const month = parsed.month ?? '';
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  const before = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  return m === 7 ? `${yearBefore} ${before}` : `${parsed.schoolYear} ${before}`;
}

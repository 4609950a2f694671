/**
 * Numbers as Swedish people and statistics write them: a decimal comma, spaces (also no-break and
 * thin spaces) between thousands, a true minus sign, a trailing percent sign. The one parser of
 * typed and imported results: the tab's result grid and the Kolada and Skolverket imports.
 * Skolverket marks values it cannot show with ".", "..", "*", "-" or a "~" prefix (rounded to
 * protect small groups); those, and an empty cell, are a missing value.
 */
export type ParsedNumber =
  | { readonly kind: 'value'; readonly value: number }
  | { readonly kind: 'missing' }
  | { readonly kind: 'invalid' };

const missingMarkers = new Set(['', '.', '..', '*', '-', '–', 'x', 'X']);

/** Parses "12,5", "12,5 %", "1 234,5", "12.5", "−3"; markers of a missing value are `missing`. */
export function parseSwedishNumber(raw: string): ParsedNumber {
  const text = raw.trim();
  if (missingMarkers.has(text) || text.startsWith('~')) return { kind: 'missing' };
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(/^[−–]/, '-').replace(/%$/, '');
  if (!/^[-+]?(\d+([.,]\d+)?|[.,]\d+)$/.test(compact)) return { kind: 'invalid' };
  const value = Number(compact.replace(',', '.'));
  return Number.isFinite(value) ? { kind: 'value', value } : { kind: 'invalid' };
}

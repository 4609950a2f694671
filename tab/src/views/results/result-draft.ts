/**
 * One row of the result grid as the form holds it: the total and each group's value as typed, read
 * with the domain's one number parser (decimal comma, "12,5 %", spaces between thousands, "−").
 */
import type { Indicator, Measurement } from '../../../../src/contract';
import type { Formatter } from '../../../../src/domain/format';
import { parseSwedishNumber } from '../../../../src/domain/numbers';
import type { MeasurementChanges } from '../../api/client';

export interface ResultDraft {
  total: string;
  /** by group name */
  groups: Record<string, string>;
}

/** The total's column; every other column is a group's, by its name. */
export const totalColumn = '';

/** What a row's cells read as: the total (absent when empty) and the groups with a value; or the first column that is not a number. */
export type ReadRow =
  | { readonly ok: true; readonly value: number | undefined; readonly groups: { group: string; value: number }[] }
  | { readonly ok: false; readonly column: string };

/** The groups a row has a cell for: the indicator's, then any a stored result has besides (an import's). */
export function groupsOfRow(indicator: Pick<Indicator, 'groups'>, measurement: Pick<Measurement, 'groups'> | undefined): string[] {
  const own = indicator.groups ?? [];
  const known = new Set(own.map((g) => g.toLocaleLowerCase('sv-SE')));
  return [...own, ...(measurement?.groups ?? []).map((g) => g.group).filter((g) => !known.has(g.toLocaleLowerCase('sv-SE')))];
}

export function draftOf(measurement: Pick<Measurement, 'value' | 'groups'> | undefined, format: Pick<Formatter, 'number'>): ResultDraft {
  return {
    total: measurement ? format.number(measurement.value, 4) : '',
    groups: Object.fromEntries((measurement?.groups ?? []).map((g) => [g.group, format.number(g.value, 4)])),
  };
}

/** Reads the row; an empty cell (or a missing-value mark such as "-") is no value, anything else must be a number. */
export function readRow(draft: ResultDraft, groups: readonly string[]): ReadRow {
  const total = parseSwedishNumber(draft.total);
  if (total.kind === 'invalid') return { ok: false, column: totalColumn };
  const values: { group: string; value: number }[] = [];
  for (const group of groups) {
    const parsed = parseSwedishNumber(draft.groups[group] ?? '');
    if (parsed.kind === 'invalid') return { ok: false, column: group };
    if (parsed.kind === 'value') values.push({ group, value: parsed.value });
  }
  return { ok: true, value: total.kind === 'value' ? total.value : undefined, groups: values };
}

const groupKey = (groups: readonly { group: string; value: number }[] | undefined) =>
  JSON.stringify([...(groups ?? [])].sort((a, b) => a.group.localeCompare(b.group)).map((g) => [g.group, g.value]));

/** Only what changed since `before`: the total, and the groups as a whole (the API replaces them together). */
export function resultChanges(before: Pick<Measurement, 'value' | 'groups'>, value: number, groups: readonly { group: string; value: number }[]): MeasurementChanges {
  return {
    ...(value !== before.value ? { value } : {}),
    ...(groupKey(groups) !== groupKey(before.groups) ? { groups: [...groups] } : {}),
  };
}

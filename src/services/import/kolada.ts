/**
 * Results in Kolada's shape: one row per KPI, unit, period and gender.
 *
 *   kpi;ou;period;value;gender
 *   N15503;10000001;2025;231,5;T
 *   N15503;10000001;2025;244,0;K
 *
 * Columns are found by name: kpi (kpi_id), the unit (ou, ou_id, unit, enhet, skolenhetskod),
 * period (year, år), value (värde) and gender (kön, optional: T when absent). T (totalt) is the
 * value; K (kvinnor) and M (män) become the groups Flickor and Pojkar. A unit is a skolenhetskod,
 * or a Kolada ou id that the lookup knows.
 */
import { checkCandidates } from './check';
import { cellAt, columnIndex } from './columns';
import type { CsvRecord } from './csv';
import type { ImportLookup } from './lookup';
import { parseSwedishNumber } from '../../domain';
import { readPeriod } from './period';
import type { Candidate, ImportError, ReadResult } from './types';

const columnNames = {
  kpi: ['kpi', 'kpi_id', 'kpiid'],
  unit: ['ou', 'ou_id', 'ouid', 'unit', 'unit_code', 'enhet', 'enhetskod', 'skolenhetskod'],
  period: ['period', 'year', 'år', 'ar'],
  value: ['value', 'värde', 'varde'],
  gender: ['gender', 'kön', 'kon'],
} as const;

const genderGroups: Record<string, string | undefined> = { T: undefined, K: 'Flickor', M: 'Pojkar' };

interface Pending {
  line: number;
  indicatorId: string;
  unitId: string;
  period: string;
  schoolYear: string;
  total?: { line: number; value: number };
  groups: Map<string, { line: number; value: number }>;
}

export function readKolada(records: readonly CsvRecord[], lookup: ImportLookup): ReadResult {
  const [header, ...rows] = records;
  if (!header) return { candidates: [], errors: [{ line: 1, field: 'kpi', message: 'Filen är tom' }], skipped: 0, ignoredColumns: [] };
  const at = {
    kpi: columnIndex(header, columnNames.kpi),
    unit: columnIndex(header, columnNames.unit),
    period: columnIndex(header, columnNames.period),
    value: columnIndex(header, columnNames.value),
    gender: columnIndex(header, columnNames.gender),
  };
  const errors: ImportError[] = [];
  for (const column of ['kpi', 'unit', 'period', 'value'] as const) {
    if (at[column] < 0) errors.push({ line: header.line, field: column, message: `Rubrikraden saknar kolumnen ${column} (${columnNames[column].join(', ')})` });
  }
  if (errors.length > 0) return { candidates: [], errors, skipped: 0, ignoredColumns: [] };
  if (rows.length === 0) return { candidates: [], errors: [{ line: header.line, field: 'value', message: 'Filen har inga rader med resultat' }], skipped: 0, ignoredColumns: [] };

  let skipped = 0;
  const byKey = new Map<string, Pending>();
  for (const row of rows) {
    const rowErrors: ImportError[] = [];
    const kpi = cellAt(row, at.kpi);
    const indicator = lookup.indicatorByKpi(kpi);
    if (!indicator) rowErrors.push({ line: row.line, field: 'kpi', message: kpi === '' ? 'KPI saknas' : `Ingen indikator har Kolada-KPI ${kpi}` });
    const code = cellAt(row, at.unit);
    const unit = lookup.unitByCode(code);
    if (!unit) rowErrors.push({ line: row.line, field: 'unit', message: code === '' ? 'Enhetskod saknas' : `Ingen enhet har koden ${code}` });
    const rawPeriod = cellAt(row, at.period);
    const period = readPeriod(rawPeriod);
    if (!period) rowErrors.push({ line: row.line, field: 'period', message: `Perioden "${rawPeriod}" är inte ett år (2025) eller ett läsår (2024/25)` });
    const genderCode = (cellAt(row, at.gender) || 'T').toUpperCase();
    if (!(genderCode in genderGroups)) rowErrors.push({ line: row.line, field: 'gender', message: `Kön "${genderCode}" ska vara T, K eller M` });
    const rawValue = cellAt(row, at.value);
    const parsed = parseSwedishNumber(rawValue);
    if (parsed.kind === 'invalid') rowErrors.push({ line: row.line, field: 'value', message: `"${rawValue}" är inget tal` });
    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      continue;
    }
    if (parsed.kind !== 'value' || !indicator || !unit || !period) {
      skipped++;
      continue;
    }
    const key = `${indicator.id}|${unit.id}|${period.period}`;
    const partial: Pending = byKey.get(key) ?? { line: row.line, indicatorId: indicator.id, unitId: unit.id, ...period, groups: new Map() };
    byKey.set(key, partial);
    const group = genderGroups[genderCode];
    const earlier = group === undefined ? partial.total : partial.groups.get(group);
    if (earlier) {
      errors.push({ line: row.line, field: 'gender', message: `KPI, enhet, period och kön finns redan på rad ${earlier.line}` });
      continue;
    }
    if (group === undefined) partial.total = { line: row.line, value: parsed.value };
    else partial.groups.set(group, { line: row.line, value: parsed.value });
  }

  const candidates: Candidate[] = [];
  for (const partial of byKey.values()) {
    if (!partial.total) {
      errors.push({ line: partial.line, field: 'gender', message: 'Raden för totalt (kön T) saknas; flickor och pojkar räcker inte' });
      continue;
    }
    const groups = [...partial.groups.entries()].map(([group, { value }]) => ({ group, value }));
    candidates.push({
      line: partial.total.line, indicatorId: partial.indicatorId, unitId: partial.unitId, period: partial.period, schoolYear: partial.schoolYear,
      value: partial.total.value, ...(groups.length > 0 ? { groups } : {}),
    });
  }
  const checked = checkCandidates(candidates, { period: 'period', schoolYear: 'period', value: 'value', groups: 'gender', indicatorId: 'kpi', unitId: 'unit' });
  return { candidates: checked.valid, errors: [...errors, ...checked.errors].sort((a, b) => a.line - b.line), skipped, ignoredColumns: [] };
}

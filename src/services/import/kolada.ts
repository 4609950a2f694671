/**
 * Results in Kolada's shape: one row per KPI, unit, period and gender, from a CSV file or from
 * Kolada's API v2 JSON (kolada-json.ts turns that into the same rows).
 *
 *   kpi;ou;period;value;gender
 *   N15503;10000001;2025;231,5;T
 *   N15503;10000001;2025;244,0;K
 *
 * Columns are found by name: kpi (kpi_id), the unit (ou, ou_id, unit, enhet, skolenhetskod),
 * period (year, år), value (värde), gender (kön, optional: T when absent) and status (optional).
 * T (totalt) is the value; K (kvinnor/flickor) and M (män/pojkar) become the groups Flickor and
 * Pojkar. A unit is a skolenhetskod, or the Kolada id (V15E…) of a unit that carries it. A row with
 * a municipality (Kolada's municipality id) and no unit is the municipality's own value: taken for
 * this municipality's kommunkod only, as a municipality result. Kolada's
 * year N is the school year that ends in N (see period.ts). A row without a value, or with a status
 * (Kolada marks values it withholds), is skipped with a note, never stored as 0.
 */
import { checkCandidates, checkMunicipalityCandidates, refused } from './check';
import { cellAt, columnIndex } from './columns';
import type { CsvRecord } from './csv';
import type { ImportLookup } from './lookup';
import { parseSwedishNumber } from '../../domain';
import { readPeriod } from './period';
import type { Candidate, ImportError, ImportMapping, ImportNote, MunicipalityCandidate, ReadResult } from './types';

/** One value as Kolada gives it, whatever the file's format. */
export interface KoladaRow {
  readonly line: number;
  readonly kpi: string;
  /** the unit's code: a skolenhetskod or a Kolada ou id; '' for a municipality's value */
  readonly unit: string;
  /** Kolada's municipality id, for the municipality's own values */
  readonly municipality?: string;
  readonly period: string;
  readonly value: string;
  readonly gender: string;
  readonly status?: string;
}

const columnNames = {
  kpi: ['kpi', 'kpi_id', 'kpiid'],
  unit: ['ou', 'ou_id', 'ouid', 'unit', 'unit_code', 'enhet', 'enhetskod', 'skolenhetskod'],
  municipality: ['municipality', 'municipality_id', 'kommun', 'kommunkod'],
  period: ['period', 'year', 'år', 'ar'],
  value: ['value', 'värde', 'varde'],
  gender: ['gender', 'kön', 'kon'],
  status: ['status'],
} as const;

/** Kolada's gender codes and the groups they become. */
export const genderGroups: Readonly<Record<string, string | undefined>> = { T: undefined, K: 'Flickor', M: 'Pojkar' };
const genderNames: Readonly<Record<string, string>> = { T: 'totalt (resultatet)', K: 'Flickor', M: 'Pojkar' };

interface Pending {
  line: number;
  indicatorId: string;
  /** the unit's id, or the municipality's kommunkod for its own value */
  scope: { unitId: string } | { municipalityId: string };
  period: string;
  schoolYear: string;
  total?: { line: number; value: number };
  groups: Map<string, { line: number; value: number }>;
}

/** A Kolada CSV file's rows, found by its header's column names. */
export function readKolada(records: readonly CsvRecord[], lookup: ImportLookup, municipalityCode?: string): ReadResult {
  const [header, ...rest] = records;
  if (!header) return refused([{ line: 1, field: 'kpi', message: 'Filen är tom' }]);
  const at = {
    kpi: columnIndex(header, columnNames.kpi),
    unit: columnIndex(header, columnNames.unit),
    period: columnIndex(header, columnNames.period),
    value: columnIndex(header, columnNames.value),
    gender: columnIndex(header, columnNames.gender),
    status: columnIndex(header, columnNames.status),
    municipality: columnIndex(header, columnNames.municipality),
  };
  const errors: ImportError[] = [];
  for (const column of ['kpi', 'period', 'value'] as const) {
    if (at[column] < 0) errors.push({ line: header.line, field: column, message: `Rubrikraden saknar kolumnen ${column} (${columnNames[column].join(', ')})` });
  }
  if (at.unit < 0 && at.municipality < 0) errors.push({ line: header.line, field: 'unit', message: `Rubrikraden saknar kolumnen unit (${columnNames.unit.join(', ')}) eller municipality (${columnNames.municipality.join(', ')})` });
  if (errors.length > 0) return refused(errors);
  if (rest.length === 0) return refused([{ line: header.line, field: 'value', message: 'Filen har inga rader med resultat' }]);
  return readKoladaRows(rest.map((row) => ({
    line: row.line, kpi: cellAt(row, at.kpi), unit: cellAt(row, at.unit), period: cellAt(row, at.period), value: cellAt(row, at.value),
    gender: cellAt(row, at.gender) || 'T', ...(at.status >= 0 ? { status: cellAt(row, at.status) } : {}),
    ...(at.municipality >= 0 && cellAt(row, at.municipality) !== '' ? { municipality: cellAt(row, at.municipality) } : {}),
  })), lookup, municipalityCode);
}

/** The row's scope: the unit it names, or this municipality as a whole; an error when it is neither. */
function scopeOf(row: KoladaRow, lookup: ImportLookup, municipalityCode: string | undefined): Pending['scope'] | ImportError {
  if (row.unit === '' && row.municipality !== undefined) {
    if (municipalityCode === undefined) return { line: row.line, field: 'municipality', message: `Kommunens värde (Kolada-kommun ${row.municipality}) kan inte tas emot: kommunkoden är inte inställd (MUNICIPALITY_CODE)` };
    if (row.municipality.trim() !== municipalityCode) return { line: row.line, field: 'municipality', message: `Kolada-kommun ${row.municipality} är inte den här kommunen (kommunkod ${municipalityCode})` };
    return { municipalityId: municipalityCode };
  }
  const unit = lookup.unitByCode(row.unit);
  if (!unit) return { line: row.line, field: 'unit', message: row.unit === '' ? 'Enhetskod saknas' : `Ingen enhet har koden ${row.unit}` };
  return { unitId: unit.id };
}

/**
 * Matches Kolada's rows to indicators (by KPI) and units (or this municipality, by its kommunkod),
 * and joins a value's genders into one result.
 */
export function readKoladaRows(rows: readonly KoladaRow[], lookup: ImportLookup, municipalityCode?: string): ReadResult {
  const errors: ImportError[] = [];
  const notes: ImportNote[] = [];
  const mappings = new Map<string, ImportMapping>();
  const map = (mapping: ImportMapping) => mappings.set(`${mapping.kind}|${mapping.from}`, mapping);
  let skipped = 0;
  const byKey = new Map<string, Pending>();
  for (const row of rows) {
    const rowErrors: ImportError[] = [];
    const indicator = lookup.indicatorByKpi(row.kpi);
    if (!indicator) rowErrors.push({ line: row.line, field: 'kpi', message: row.kpi === '' ? 'KPI saknas' : `Ingen indikator har Kolada-KPI ${row.kpi}` });
    const scoped = scopeOf(row, lookup, municipalityCode);
    const scope = 'line' in scoped ? undefined : scoped;
    if ('line' in scoped) rowErrors.push(scoped);
    const period = readPeriod(row.period);
    if (!period) rowErrors.push({ line: row.line, field: 'period', message: `Perioden "${row.period}" är inte ett år (2025) eller ett läsår (2024/25)` });
    const genderCode = row.gender.toUpperCase();
    if (!(genderCode in genderGroups)) rowErrors.push({ line: row.line, field: 'gender', message: `Kön "${row.gender}" ska vara T, K eller M` });
    const parsed = parseSwedishNumber(row.value);
    if (parsed.kind === 'invalid') rowErrors.push({ line: row.line, field: 'value', message: `"${row.value}" är inget tal` });
    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      continue;
    }
    const status = row.status ?? '';
    if (parsed.kind !== 'value' || status !== '' || !indicator || !scope || !period) {
      skipped++;
      notes.push({ line: row.line, message: `Inget värde${status !== '' ? ` (Kolada-status "${status}")` : ''}: hoppas över, sparas inte som 0` });
      continue;
    }
    map({ kind: 'period', from: row.period, to: period.period });
    map({ kind: 'group', from: genderCode, to: genderNames[genderCode] ?? genderCode });
    const key = `${indicator.id}|${'unitId' in scope ? scope.unitId : `kommun:${scope.municipalityId}`}|${period.period}`;
    const partial: Pending = byKey.get(key) ?? { line: row.line, indicatorId: indicator.id, scope, ...period, groups: new Map() };
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
  const municipality: MunicipalityCandidate[] = [];
  for (const partial of byKey.values()) {
    if (!partial.total) {
      errors.push({ line: partial.line, field: 'gender', message: 'Raden för totalt (kön T) saknas; flickor och pojkar räcker inte' });
      continue;
    }
    const groups = [...partial.groups.entries()].map(([group, { value }]) => ({ group, value }));
    const result = {
      line: partial.total.line, indicatorId: partial.indicatorId, period: partial.period, schoolYear: partial.schoolYear,
      value: partial.total.value, ...(groups.length > 0 ? { groups } : {}),
    };
    if ('unitId' in partial.scope) candidates.push({ ...result, unitId: partial.scope.unitId });
    else municipality.push({ ...result, municipalityId: partial.scope.municipalityId });
  }
  const fields = { period: 'period', schoolYear: 'period', value: 'value', groups: 'gender', indicatorId: 'kpi', unitId: 'unit', municipalityId: 'municipality' };
  const checked = checkCandidates(candidates, fields);
  const checkedMunicipality = checkMunicipalityCandidates(municipality, fields);
  return {
    candidates: checked.valid, municipality: checkedMunicipality.valid,
    errors: [...errors, ...checked.errors, ...checkedMunicipality.errors].sort((a, b) => a.line - b.line),
    skipped, ignoredColumns: [], unmatchedColumns: [], notes, mappings: [...mappings.values()],
  };
}

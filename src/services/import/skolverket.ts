/**
 * Skolverket's statistics as exported from "Sök statistik" or Skolverket's open data, saved as
 * CSV (semicolon or comma separated, decimal comma, in the encoding Excel chose) or as an Excel
 * workbook (.xlsx), unedited. What is accepted:
 *
 *   Betyg och prövningar årskurs 9, läsåret 2024/25        (optional lines before the header)
 *   Skolenhetskod;Skolenhet;Kommun;Läsår;Meritvärde åk 9;Meritvärde åk 9, flickor;Meritvärde åk 9, pojkar
 *   10000001;Alléskolan;Exempelstad;2024/25;231,5;244,0;219,8
 *   10000002;Backaskolan;Exempelstad;2024/25;.;..;~100
 *
 * - The header is the first row with a cell "Skolenhetskod" (also "Skol-enhetskod", "Skolkod"),
 *   whatever comes before it (titles, dates, sources); in a CSV file the delimiter is the one that
 *   line uses (skolverketDelimiter), not the title's.
 * - The period comes from a column Läsår, År or Period, or else from the import's `period`.
 * - Columns naming a unit or place (Skolenhet, Skola, Kommun, Kommunkod, Huvudman, Län, Skolform,
 *   ...) are descriptive. Every other column is a measure: it belongs to the indicator whose name
 *   it is (case and spacing aside), whose Kolada KPI it names in the header ("Meritvärde
 *   (N15503)"), or on which the administration saved the heading (importColumns, mapped once
 *   from a preview's unmatched columns). A measure column ending in "flickor" or "pojkar" (", flickor", " (pojkar)") is that
 *   group of the measure before it. Measure columns that match no indicator are ignored and listed.
 * - "." / ".." / "*" / "~…" (values Skolverket does not show) are skipped with a note, not errors.
 * - Rows whose code cell is empty or not a number (totals such as "Riket", "Kommunen", and the note
 *   lines below the table: "Källa: …", "Förklaringar: …") are skipped with a note. A number that
 *   is no unit's skolenhetskod is an error.
 */
import { checkCandidates, refused } from './check';
import { cellAt, columnIndex, headerKey } from './columns';
import { detectDelimiter, type CsvRecord, type Delimiter } from './csv';
import type { ImportLookup } from './lookup';
import { parseSwedishNumber } from '../../domain';
import { readPeriod, type ImportPeriod } from './period';
import type { Candidate, ImportError, ImportMapping, ImportNote, ReadResult } from './types';

const codeColumn = 'Skolenhetskod';
const codeColumns = [codeColumn, 'Skolkod', 'Skolenhetens kod'];
const codeKeys = new Set(codeColumns.map(headerKey));
const periodColumns = ['Läsår', 'År', 'Period', 'Year'];
const descriptive = new Set(
  ['Skolenhet', 'Skolenhetsnamn', 'Skola', 'Skolnamn', 'Namn', 'Kommun', 'Kommunkod', 'Kommunnamn', 'Län', 'Länskod', 'Huvudman',
    'Huvudmannanamn', 'Huvudmannatyp', 'Typ av huvudman', 'Skolform', 'Organisationsform', 'Postort', 'Status'].map(headerKey),
);
const groupSuffix = /(?:,\s*|\s+\(?)(flickor|pojkar|kvinnor|män)\)?$/iu;
const groupNames: Record<string, string> = { flickor: 'Flickor', kvinnor: 'Flickor', pojkar: 'Pojkar', män: 'Pojkar' };

export interface SkolverketOptions {
  /** the period when the file has no period column */
  readonly period?: string;
}

interface Measure {
  readonly indicatorId: string;
  readonly header: string;
  readonly column: number;
  readonly groups: { readonly group: string; readonly column: number; readonly header: string }[];
}

function measureFor(header: string, lookup: ImportLookup): string | undefined {
  const kpi = /\b([A-Z]\d{5})\b/.exec(header)?.[1];
  const byKpi = kpi === undefined ? undefined : lookup.indicatorByKpi(kpi);
  if (byKpi) return byKpi.id;
  return (lookup.indicatorByName(header) ?? lookup.indicatorByName(header.replace(/\s*\([^)]*\)\s*$/, '')))?.id;
}

/**
 * The delimiter of a Skolverket CSV text: the one its header line uses (the first line with a
 * unit-code cell under any delimiter), so title lines above it with commas do not decide.
 */
export function skolverketDelimiter(text: string): Delimiter {
  const header = text.split(/\r\n?|\n/).find((line) => [';', ',', '\t'].some((d) => line.split(d).some((cell) => codeKeys.has(headerKey(cell.replace(/"/g, ''))))));
  return detectDelimiter(header ?? text);
}

export function readSkolverket(records: readonly CsvRecord[], lookup: ImportLookup, options: SkolverketOptions = {}): ReadResult {
  const headerAt = records.findIndex((r) => columnIndex(r, codeColumns) >= 0);
  const header = records[headerAt];
  if (!header) return refused([{ line: records[0]?.line ?? 1, field: codeColumn, message: 'Ingen rubrikrad med kolumnen Skolenhetskod' }]);
  const codeAt = columnIndex(header, codeColumns);
  const periodAt = columnIndex(header, periodColumns);
  const fixedPeriod = options.period === undefined ? undefined : readPeriod(options.period);
  if (periodAt < 0 && !fixedPeriod) {
    const message = options.period === undefined ? 'Filen saknar kolumnen Läsår: ange vilket läsår resultaten gäller' : `Perioden "${options.period}" är inte ett år eller ett läsår`;
    return refused([{ line: header.line, field: 'Läsår', message }]);
  }

  const measures = new Map<string, Measure>();
  const ignoredColumns: string[] = [];
  const unmatchedColumns: string[] = [];
  const groupColumns: { base: string; group: string; column: number; header: string }[] = [];
  header.cells.forEach((cell, column) => {
    const name = cell.trim();
    if (column === codeAt || column === periodAt || name === '' || descriptive.has(headerKey(name))) return;
    const suffix = groupSuffix.exec(name);
    if (suffix) {
      groupColumns.push({ base: name.slice(0, suffix.index).trim(), group: groupNames[(suffix[1] ?? '').toLocaleLowerCase('sv-SE')] ?? 'Flickor', column, header: name });
      return;
    }
    const indicatorId = measureFor(name, lookup);
    if (indicatorId === undefined) {
      ignoredColumns.push(name);
      unmatchedColumns.push(name);
    }
    else measures.set(headerKey(name), { indicatorId, header: name, column, groups: [] });
  });
  for (const g of groupColumns) {
    const measure = measures.get(headerKey(g.base));
    if (measure) measure.groups.push({ group: g.group, column: g.column, header: g.header });
    else ignoredColumns.push(g.header);
  }
  if (measures.size === 0) {
    return refused([{ line: header.line, field: codeColumn, message: 'Ingen kolumn motsvarar en indikator: kolumnens rubrik ska vara indikatorns namn, dess Kolada-KPI eller en kolumnrubrik som sparats på indikatorn' }], { ignoredColumns, unmatchedColumns });
  }
  const mappings: ImportMapping[] = [...measures.values()].flatMap((m) => [
    { kind: 'column' as const, from: m.header, to: lookup.indicator(m.indicatorId)?.fields.name ?? m.indicatorId },
    ...m.groups.map((g) => ({ kind: 'group' as const, from: g.header, to: g.group })),
  ]);

  const rows = records.slice(headerAt + 1);
  if (rows.length === 0) return refused([{ line: header.line, field: codeColumn, message: 'Filen har inga rader med resultat' }], { ignoredColumns, unmatchedColumns });
  const errors: ImportError[] = [];
  const notes: ImportNote[] = [];
  const candidates: Candidate[] = [];
  let skipped = 0;
  for (const row of rows) {
    const code = cellAt(row, codeAt);
    if (!/^\d+$/.test(code)) {
      skipped++;
      notes.push({ line: row.line, message: code === '' ? 'Raden saknar skolenhetskod (en summarad): hoppas över' : `"${code.slice(0, 40)}" är ingen skolenhetskod (en summa- eller förklaringsrad): hoppas över` });
      continue;
    }
    const unit = lookup.unitByCode(code);
    if (!unit) errors.push({ line: row.line, field: codeColumn, message: `Ingen enhet har skolenhetskoden ${code}` });
    let period: ImportPeriod | undefined = fixedPeriod;
    if (periodAt >= 0) {
      const raw = cellAt(row, periodAt);
      period = readPeriod(raw);
      if (!period) errors.push({ line: row.line, field: header.cells[periodAt] ?? 'Läsår', message: `Läsåret "${raw}" ska skrivas 2024/25` });
    }
    for (const measure of measures.values()) {
      const raw = cellAt(row, measure.column);
      const parsed = parseSwedishNumber(raw);
      if (parsed.kind === 'invalid') {
        errors.push({ line: row.line, field: measure.header, message: `"${raw}" är inget tal` });
        continue;
      }
      if (parsed.kind === 'missing') {
        skipped++;
        notes.push({ line: row.line, message: `${measure.header}: ${raw === '' ? 'tomt' : `"${raw}"`}, Skolverket visar inget värde: hoppas över` });
        continue;
      }
      const groups: { group: string; value: number }[] = [];
      for (const g of measure.groups) {
        const rawGroup = cellAt(row, g.column);
        const value = parseSwedishNumber(rawGroup);
        if (value.kind === 'invalid') errors.push({ line: row.line, field: g.header, message: `"${rawGroup}" är inget tal` });
        else if (value.kind === 'value') groups.push({ group: g.group, value: value.value });
      }
      if (!unit || !period) continue;
      candidates.push({
        line: row.line, indicatorId: measure.indicatorId, unitId: unit.id, period: period.period, schoolYear: period.schoolYear,
        value: parsed.value, ...(groups.length > 0 ? { groups } : {}),
      });
    }
  }
  const checked = checkCandidates(candidates, { unitId: codeColumn, period: 'Läsår', schoolYear: 'Läsår' });
  return { candidates: checked.valid, municipality: [], errors: [...errors, ...checked.errors].sort((a, b) => a.line - b.line), skipped, ignoredColumns, unmatchedColumns, notes, mappings };
}

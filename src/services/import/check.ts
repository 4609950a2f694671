import type { ZodType } from 'zod';
import { MeasurementSchema, MunicipalityResultSchema } from '../../domain';
import type { Candidate, ImportError, MunicipalityCandidate, ReadResult } from './types';

/** Which column of the file a field of a measurement came from, for error messages. */
export type FieldNames = Partial<Record<'indicatorId' | 'unitId' | 'municipalityId' | 'period' | 'schoolYear' | 'value' | 'groups', string>>;

/** Checks each row with the domain's schema and that no key comes twice in the file. */
function checkRows<R extends { readonly line: number }>(rows: readonly R[], schema: ZodType, keyOf: (row: R) => string, toEntity: (row: Omit<R, 'line'>) => unknown, twice: (first: number) => string, fields: FieldNames): { valid: R[]; errors: ImportError[] } {
  const valid: R[] = [];
  const errors: ImportError[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const key = keyOf(row);
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({ line: row.line, field: fields.period ?? 'period', message: twice(first) });
      continue;
    }
    seen.set(key, row.line);
    const { line, ...entity } = row;
    const result = schema.safeParse(toEntity(entity));
    if (result.success) {
      valid.push(row);
      continue;
    }
    const issue = result.error.issues[0];
    const name = String(issue?.path[0] ?? 'value') as keyof FieldNames;
    errors.push({ line, field: fields[name] ?? name, message: issue?.message ?? 'Ogiltigt värde' });
  }
  return { valid, errors };
}

/**
 * Checks every candidate against the domain's MeasurementSchema, and that no indicator, unit and
 * period comes twice in the file. Returns the valid ones and an error per failing row.
 */
export function checkCandidates(candidates: readonly Candidate[], fields: FieldNames = {}): { valid: Candidate[]; errors: ImportError[] } {
  return checkRows(candidates, MeasurementSchema, (c) => `${c.indicatorId}|${c.unitId}|${c.period}`, (c) => c,
    (first) => `Samma indikator, enhet och period finns redan på rad ${first}`, fields);
}

/** The same for the municipality's own values, against MunicipalityResultSchema (from Kolada). */
export function checkMunicipalityCandidates(candidates: readonly MunicipalityCandidate[], fields: FieldNames = {}): { valid: MunicipalityCandidate[]; errors: ImportError[] } {
  return checkRows(candidates, MunicipalityResultSchema, (c) => `${c.indicatorId}|${c.municipalityId}|${c.period}`, (c) => ({ ...c, source: 'kolada' }),
    (first) => `Samma indikator, kommun och period finns redan på rad ${first}`, fields);
}

/** What a reader returns for a file it refuses whole: the errors, and nothing read. */
export function refused(errors: readonly ImportError[], columns: Pick<ReadResult, 'ignoredColumns' | 'unmatchedColumns'> = { ignoredColumns: [], unmatchedColumns: [] }): ReadResult {
  return { candidates: [], municipality: [], errors, skipped: 0, ...columns, notes: [], mappings: [] };
}

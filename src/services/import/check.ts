import { MeasurementSchema } from '../../domain';
import type { Candidate, ImportError, ReadResult } from './types';

/** Which column of the file a field of a measurement came from, for error messages. */
export type FieldNames = Partial<Record<'indicatorId' | 'unitId' | 'period' | 'schoolYear' | 'value' | 'groups', string>>;

/**
 * Checks every candidate against the domain's MeasurementSchema, and that no indicator, unit and
 * period comes twice in the file. Returns the valid ones and an error per failing row.
 */
export function checkCandidates(candidates: readonly Candidate[], fields: FieldNames = {}): { valid: Candidate[]; errors: ImportError[] } {
  const valid: Candidate[] = [];
  const errors: ImportError[] = [];
  const seen = new Map<string, number>();
  for (const candidate of candidates) {
    const key = `${candidate.indicatorId}|${candidate.unitId}|${candidate.period}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({ line: candidate.line, field: fields.period ?? 'period', message: `Samma indikator, enhet och period finns redan på rad ${first}` });
      continue;
    }
    seen.set(key, candidate.line);
    const { line, ...measurement } = candidate;
    const result = MeasurementSchema.safeParse(measurement);
    if (result.success) {
      valid.push(candidate);
      continue;
    }
    const issue = result.error.issues[0];
    const name = String(issue?.path[0] ?? 'value') as keyof FieldNames;
    errors.push({ line, field: fields[name] ?? name, message: issue?.message ?? 'Ogiltigt värde' });
  }
  return { valid, errors };
}

/** What a reader returns for a file it refuses whole: the errors, and nothing read. */
export function refused(errors: readonly ImportError[], columns: Pick<ReadResult, 'ignoredColumns' | 'unmatchedColumns'> = { ignoredColumns: [], unmatchedColumns: [] }): ReadResult {
  return { candidates: [], errors, skipped: 0, ...columns, notes: [], mappings: [] };
}

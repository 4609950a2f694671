/**
 * Kolada's API v2 answers, as the API returns them (saved to a file, or fetched):
 *
 *   GET /v2/data/kpi/{kpi}/municipality/{m}/year/{y}   (a municipality's values)
 *   { "count": 1, "values": [ { "kpi": "N15503", "municipality": "1480", "period": 2025,
 *       "values": [ { "count": 1, "gender": "T", "status": "", "value": 231.5 }, ... ] } ],
 *     "next_page": "…" (only when there are more pages) }
 *
 *   GET /v2/oudata/kpi/{kpi}/ou/{ou}/year/{y}           (organisational units: schools)
 *   { "count": 1, "values": [ { "kpi": "N15503", "ou": "V15E148000101", "period": 2025, "values": [ … ] } ] }
 *
 * Each value of each entry becomes one Kolada row; its line is the value's number in the file
 * (1 for the first), since Kolada's answers are one line of JSON. `value` is null where Kolada has
 * none, and `status` names why (values withheld to protect small groups).
 */
import { z } from 'zod';
import type { KoladaRow } from './kolada';
import type { ImportError } from './types';

const KoladaValue = z.object({
  count: z.number().optional(),
  gender: z.string(),
  status: z.string().nullable().optional(),
  value: z.number().nullable(),
});
const KoladaEntry = z.object({
  kpi: z.string(),
  period: z.union([z.number().int(), z.string()]),
  municipality: z.string().optional(),
  ou: z.string().optional(),
  values: z.array(KoladaValue),
}).refine((entry) => entry.municipality !== undefined || entry.ou !== undefined, { message: 'Värdet saknar municipality och ou', path: ['ou'] });
/** An answer of Kolada's API v2 data or oudata endpoints (a page of it). */
export const KoladaAnswerSchema = z.object({
  count: z.number().int().optional(),
  values: z.array(KoladaEntry),
  next_page: z.string().optional(),
  previous_page: z.string().optional(),
});
export type KoladaAnswer = z.infer<typeof KoladaAnswerSchema>;

/** Whether a text looks like JSON rather than CSV (Kolada's answers are an object). */
export function looksLikeJson(text: string): boolean {
  return /^\s*\{/.test(text);
}

/** The rows of Kolada answers (pages in order), or an error saying where the JSON is not Kolada's shape. */
export function koladaRowsFromJson(text: string): { rows: KoladaRow[]; errors: ImportError[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { rows: [], errors: [{ line: 1, field: 'JSON', message: `Filen är inte giltig JSON: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  const parsed = KoladaAnswerSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { rows: [], errors: [{ line: 1, field: issue?.path.join('.') ?? 'values', message: `Filen har inte Kolada API v2:s form (values med kpi, period och values): ${issue?.message ?? ''}` }] };
  }
  return { rows: koladaRowsFromAnswers([parsed.data]), errors: [] };
}

/** Kolada answers' values as rows, numbered in order across all pages. */
export function koladaRowsFromAnswers(answers: readonly KoladaAnswer[]): KoladaRow[] {
  const rows: KoladaRow[] = [];
  for (const answer of answers) {
    for (const entry of answer.values) {
      for (const value of entry.values) {
        rows.push({
          line: rows.length + 1, kpi: entry.kpi, unit: entry.ou ?? '', ...(entry.ou === undefined && entry.municipality !== undefined ? { municipality: entry.municipality } : {}),
          period: String(entry.period), value: value.value === null ? '' : String(value.value), gender: value.gender, status: value.status ?? '',
        });
      }
    }
  }
  return rows;
}

/**
 * The organizer's result imports: `POST /organizer/imports/preview`, `POST /organizer/imports`
 * (202: the import's job, at its Location), `GET /organizer/imports/:id` (the job as it goes) and
 * `GET /organizer/imports` (the running and recent ones).
 */
import { z } from 'zod';
import { period, schoolYear } from '../domain';
import { listOf } from './item';
import { ProblemSchema } from './problem';

/** The two shapes of file results are imported from (the server's readers decide). */
export const ImportKindSchema = z.enum(['kolada', 'skolverket']);
export type ImportKind = z.infer<typeof ImportKindSchema>;

/** A problem with one row (or the header): the file's line, the column, and what to fix, in Swedish. */
export const ImportErrorSchema = z.strictObject({
  line: z.number().int().min(1),
  field: z.string(),
  message: z.string(),
});
export type ImportError = z.infer<typeof ImportErrorSchema>;

/**
 * A row of the preview: the result, what it was matched to, and what committing would do. A
 * unit's result names the unit; the municipality's own value (Kolada's municipality data) names
 * the municipality's kommunkod instead, with "Kommunen" as its name.
 */
export const ImportRowSchema = z.strictObject({
  line: z.number().int().min(1),
  indicatorId: z.string().min(1),
  indicatorName: z.string(),
  unitId: z.string().min(1).optional(),
  municipalityId: z.string().regex(/^\d{4}$/).optional(),
  unitName: z.string(),
  period,
  schoolYear,
  value: z.number(),
  /** Skolverket's values per group (girls, boys, ...), when the file has them */
  groups: listOf(z.strictObject({ group: z.string(), value: z.number() })).optional(),
  change: z.enum(['create', 'update', 'unchanged']),
  /** the measurement (or municipality result) an `update` or `unchanged` row matches */
  existingId: z.string().min(1).optional(),
  previousValue: z.number().optional(),
}).refine((row) => (row.unitId === undefined) !== (row.municipalityId === undefined), 'a row is a unit\'s result or the municipality\'s');
export type ImportRow = z.infer<typeof ImportRowSchema>;

const count = z.number().int().min(0);

/** Something the reader did that the preview says, on a line of the file: a value skipped, a note line. */
export const ImportNoteSchema = z.strictObject({ line: z.number().int().min(1), message: z.string() });
export type ImportNote = z.infer<typeof ImportNoteSchema>;

/** How the file's own words were read: a period ("2025" → "2024/25"), a gender code, a column → indicator. */
export const ImportMappingSchema = z.strictObject({ kind: z.enum(['period', 'group', 'column']), from: z.string(), to: z.string() });
export type ImportMapping = z.infer<typeof ImportMappingSchema>;

/** What the file holds and what committing it would do, counted over every row. */
export const ImportSummarySchema = z.strictObject({
  kind: ImportKindSchema,
  /** CSV, an Excel workbook, or Kolada's API v2 JSON */
  format: z.enum(['csv', 'xlsx', 'json']),
  /** the text encoding an uploaded CSV or JSON file was read in */
  encoding: z.enum(['utf-8', 'utf-8-bom', 'windows-1252']).optional(),
  /** '' for .xlsx and JSON */
  delimiter: z.string(),
  rows: count,
  create: count,
  update: count,
  unchanged: count,
  /** whole minutes the commit takes at the import's budget of resource units ("Importen tar omkring 12 minuter") */
  minutes: count,
  skipped: count,
  errors: count,
  units: count,
  indicators: count,
  schoolYears: listOf(schoolYear),
  ignoredColumns: listOf(z.string()),
  /** the measure columns among them, which the administration can map to an indicator (saved as its importColumns) */
  unmatchedColumns: listOf(z.string()),
  /** the first notes (the preview's limit), in line order */
  notes: listOf(ImportNoteSchema),
  mappings: listOf(ImportMappingSchema),
});
export type ImportSummary = z.infer<typeof ImportSummarySchema>;

/** `POST /organizer/imports/preview`: the first rows and errors, `truncated` when there were more. */
export const ImportPreviewSchema = z.strictObject({
  rows: listOf(ImportRowSchema),
  errors: listOf(ImportErrorSchema),
  summary: ImportSummarySchema,
  truncated: z.boolean(),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

/**
 * `POST /organizer/imports` (202) and `GET /organizer/imports/:id`: an import's job. `queued`
 * until the worker claims it, `running` while it writes (`written` of `total`), then `done` or
 * `failed` (with `failure` in words; a failed import's writes are undone and never counted).
 */
export const ImportJobSchema = z.strictObject({
  id: z.string().min(1),
  state: z.enum(['queued', 'running', 'done', 'failed']),
  kind: ImportKindSchema,
  total: count,
  written: count,
  /** what a done import created and changed (0 until done) */
  created: count,
  updated: count,
  unchanged: count,
  queuedAt: z.iso.datetime({ offset: true }),
  startedAt: z.iso.datetime({ offset: true }).optional(),
  /** when the rows left are written at the import's budget (queued and running imports) */
  estimatedEnd: z.iso.datetime({ offset: true }).optional(),
  finishedAt: z.iso.datetime({ offset: true }).optional(),
  failure: z.string().optional(),
});
export type ImportJob = z.infer<typeof ImportJobSchema>;

/** `GET /organizer/imports`: the latest imports, newest first. */
export const ImportJobListSchema = z.strictObject({ items: listOf(ImportJobSchema) });
export type ImportJobList = z.infer<typeof ImportJobListSchema>;

/** A file with errors is refused whole: the problem lists the first rows in error and the counts. */
export const ImportRejectedProblemSchema = ProblemSchema.extend({ errors: listOf(ImportErrorSchema), summary: ImportSummarySchema });
export type ImportRejectedProblem = z.infer<typeof ImportRejectedProblemSchema>;

import type { SchoolYear } from '../../domain';
import type { TextEncoding } from './encoding';

/** The two shapes of file the organizer imports results from. */
export const importKinds = ['kolada', 'skolverket'] as const;
export type ImportKind = (typeof importKinds)[number];

/** A problem with one row (or the header): the file's line, the column, and what to fix, in Swedish. */
export interface ImportError {
  readonly line: number;
  readonly field: string;
  readonly message: string;
}

/** Something the reader did that the preview should say, on a line of the file: a value skipped, a note line. */
export interface ImportNote {
  readonly line: number;
  readonly message: string;
}

/** How the file's own words were read: a period ("2025" → "2024/25"), a gender code, a column. */
export interface ImportMapping {
  readonly kind: 'period' | 'group' | 'column';
  readonly from: string;
  readonly to: string;
}

/** How the file was read: CSV (its text encoding and delimiter), an Excel workbook, or Kolada's JSON. */
export const importFormats = ['csv', 'xlsx', 'json'] as const;
export type ImportFormat = (typeof importFormats)[number];

/** A result read from a file and matched to an indicator and a unit, before it is checked. */
export interface Candidate {
  readonly line: number;
  readonly indicatorId: string;
  readonly unitId: string;
  readonly period: string;
  readonly schoolYear: SchoolYear;
  readonly value: number;
  readonly groups?: readonly { readonly group: string; readonly value: number }[];
}

/** The municipality's own value as Kolada publishes it (Kolada's municipality id, no unit), before it is checked. */
export interface MunicipalityCandidate extends Omit<Candidate, 'unitId'> {
  readonly municipalityId: string;
}

/** What a reader found in a file. */
export interface ReadResult {
  readonly candidates: readonly Candidate[];
  /** the municipality's own values (Kolada's municipality data) */
  readonly municipality: readonly MunicipalityCandidate[];
  readonly errors: readonly ImportError[];
  /** rows (or cells) without a value: Skolverket's "." and ".." and friends */
  readonly skipped: number;
  /** columns that matched no indicator (Skolverket) */
  readonly ignoredColumns: readonly string[];
  /** of those, the measures (not their group columns): what the administration can map to an indicator */
  readonly unmatchedColumns: readonly string[];
  readonly notes: readonly ImportNote[];
  readonly mappings: readonly ImportMapping[];
}

export type RowChange = 'create' | 'update' | 'unchanged';

interface RowOutcome {
  readonly indicatorName: string;
  /** the unit's name; "Kommunen" for the municipality's own value */
  readonly unitName: string;
  readonly change: RowChange;
  /** the measurement (or municipality result) an `update` or `unchanged` row matches */
  readonly existingId?: string;
  readonly previousValue?: number;
}

/** A row of the preview: the result, what it was matched to, and what committing would do. */
export type ImportRow = (Candidate & RowOutcome) | (MunicipalityCandidate & RowOutcome);

export interface ImportSummary {
  readonly kind: ImportKind;
  readonly format: ImportFormat;
  /** the text encoding a CSV or JSON file was read in (absent for a pasted text and for .xlsx) */
  readonly encoding?: TextEncoding;
  /** '' when the file has no delimiter (.xlsx, JSON) */
  readonly delimiter: string;
  readonly rows: number;
  readonly create: number;
  readonly update: number;
  readonly unchanged: number;
  /** whole minutes writing it takes at the import's budget (import-pace.ts); 0 with nothing to write */
  readonly minutes: number;
  readonly skipped: number;
  readonly errors: number;
  readonly units: number;
  readonly indicators: number;
  readonly schoolYears: readonly SchoolYear[];
  readonly ignoredColumns: readonly string[];
  readonly unmatchedColumns: readonly string[];
  readonly notes: readonly ImportNote[];
  readonly mappings: readonly ImportMapping[];
}

export interface ImportPreview {
  readonly rows: readonly ImportRow[];
  readonly errors: readonly ImportError[];
  readonly summary: ImportSummary;
}

/** Called as writes finish: `done` of `total` writes. */
export type ImportProgress = (done: number, total: number) => void;

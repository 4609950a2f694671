import type { SchoolYear } from '../../domain';

/** The two shapes of file the organizer imports results from. */
export const importKinds = ['kolada', 'skolverket'] as const;
export type ImportKind = (typeof importKinds)[number];

/** A problem with one row (or the header): the file's line, the column, and what to fix, in Swedish. */
export interface ImportError {
  readonly line: number;
  readonly field: string;
  readonly message: string;
}

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

/** What a reader found in a file. */
export interface ReadResult {
  readonly candidates: readonly Candidate[];
  readonly errors: readonly ImportError[];
  /** rows (or cells) without a value: Skolverket's "." and ".." and friends */
  readonly skipped: number;
  /** columns that matched no indicator (Skolverket) */
  readonly ignoredColumns: readonly string[];
}

export type RowChange = 'create' | 'update' | 'unchanged';

/** A row of the preview: the result, what it was matched to, and what committing would do. */
export interface ImportRow extends Candidate {
  readonly indicatorName: string;
  readonly unitName: string;
  readonly change: RowChange;
  /** the measurement a `update` or `unchanged` row matches */
  readonly existingId?: string;
  readonly previousValue?: number;
}

export interface ImportSummary {
  readonly kind: ImportKind;
  readonly delimiter: string;
  readonly rows: number;
  readonly create: number;
  readonly update: number;
  readonly unchanged: number;
  readonly skipped: number;
  readonly errors: number;
  readonly units: number;
  readonly indicators: number;
  readonly schoolYears: readonly SchoolYear[];
  readonly ignoredColumns: readonly string[];
}

export interface ImportPreview {
  readonly rows: readonly ImportRow[];
  readonly errors: readonly ImportError[];
  readonly summary: ImportSummary;
}

/** Called as writes finish: `done` of `total` writes. */
export type ImportProgress = (done: number, total: number) => void;

/**
 * From the file as uploaded to what the readers read. An upload is bytes: an .xlsx workbook (a zip
 * archive), Kolada's JSON, or a CSV text in UTF-8 (with or without a byte order mark) or in
 * Windows-1252 as Swedish Excel saves it. A pasted text is already text.
 */
import { parseCsv, type CsvRecord, type Delimiter } from './csv';
import { decodeText, type TextEncoding } from './encoding';
import { koladaRowsFromAnswers, koladaRowsFromJson, looksLikeJson, type KoladaAnswer } from './kolada-json';
import type { KoladaRow } from './kolada';
import { skolverketDelimiter } from './skolverket';
import type { ImportError, ImportFormat, ImportKind } from './types';
import { isZip, readXlsx } from './xlsx';

/** The file to import: the bytes of an upload, a pasted text, or Kolada's answers as fetched. */
export type ImportFile = { readonly bytes: Uint8Array } | { readonly text: string } | { readonly kolada: readonly KoladaAnswer[] };

/** What was read: records of a table (CSV, .xlsx), or Kolada's rows (JSON), or why nothing could be. */
export interface ReadFile {
  readonly format: ImportFormat;
  readonly encoding?: TextEncoding;
  readonly delimiter: Delimiter | '';
  readonly records: readonly CsvRecord[];
  /** JSON only: Kolada's values as rows */
  readonly koladaRows?: readonly KoladaRow[];
  readonly errors: readonly ImportError[];
}

/** Kolada's rows, with every text of the JSON as cells of its row for the personnummer check. */
function koladaFile(rows: readonly KoladaRow[], errors: readonly ImportError[], encoding?: TextEncoding): ReadFile {
  const records = rows.map((r) => ({ line: r.line, cells: [r.kpi, r.unit, r.municipality ?? '', r.period, r.value, r.gender, r.status ?? ''] }));
  return { format: 'json', ...(encoding === undefined ? {} : { encoding }), delimiter: '', records, koladaRows: rows, errors };
}

function readText(text: string, kind: ImportKind, encoding?: TextEncoding): ReadFile {
  const at = encoding === undefined ? {} : { encoding };
  if (kind === 'kolada' && looksLikeJson(text)) {
    const { rows, errors } = koladaRowsFromJson(text);
    return koladaFile(rows, errors, encoding);
  }
  const csv = parseCsv(text, kind === 'skolverket' ? { delimiter: skolverketDelimiter(text) } : {});
  const errors: ImportError[] = csv.unclosedQuoteLine !== undefined ? [{ line: csv.unclosedQuoteLine, field: '', message: 'Ett citattecken öppnas men stängs aldrig' }]
    : csv.unreadableLine !== undefined ? [{ line: csv.unreadableLine, field: '', message: 'Raden kan inte läsas: text efter ett avslutande citattecken' }] : [];
  return { format: 'csv', ...at, delimiter: csv.delimiter, records: csv.records, errors };
}

export async function readFile(file: ImportFile, kind: ImportKind): Promise<ReadFile> {
  if ('kolada' in file) return koladaFile(koladaRowsFromAnswers(file.kolada), []);
  if ('text' in file) return readText(file.text, kind);
  if (!isZip(file.bytes)) {
    const { text, encoding } = decodeText(file.bytes);
    return readText(text, kind, encoding);
  }
  try {
    return { format: 'xlsx', delimiter: '', records: await readXlsx(file.bytes), errors: [] };
  } catch (error) {
    return { format: 'xlsx', delimiter: '', records: [], errors: [{ line: 1, field: '', message: `Excel-filen kan inte läsas: ${error instanceof Error ? error.message : String(error)}` }] };
  }
}

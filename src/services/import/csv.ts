/**
 * CSV files as spreadsheets export them, read with `csv-parse`: quoted fields with "" escapes and
 * line breaks inside quotes, CRLF or LF, a UTF-8 byte order mark, and `;`, `,` or tab as the
 * delimiter (Swedish spreadsheets use `;` because `,` is the decimal sign). What this module adds:
 * which delimiter a line uses, the line each record starts on, and blank records left out.
 */
import { CsvError, parse } from 'csv-parse/sync';

export type Delimiter = ';' | ',' | '\t';

export interface CsvRecord {
  /** the 1-based line of the file the record starts on (what people see in an editor) */
  readonly line: number;
  readonly cells: readonly string[];
}

export interface CsvOptions {
  /** default: detected from the first line */
  readonly delimiter?: Delimiter;
}

export interface CsvResult {
  readonly delimiter: Delimiter;
  /** records without the blank lines */
  readonly records: readonly CsvRecord[];
  /** a quote opened and never closed: the line of the record it opened in */
  readonly unclosedQuoteLine?: number;
  /** any other line the parser could not read (text after a closing quote) */
  readonly unreadableLine?: number;
}

const candidates: readonly Delimiter[] = [';', ',', '\t'];

/** The delimiter that occurs most often outside quotes on the first non-blank line (`;` wins ties). */
export function detectDelimiter(text: string): Delimiter {
  const body = stripBom(text);
  let inQuotes = false;
  const counts = new Map<Delimiter, number>(candidates.map((c) => [c, 0]));
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) {
      if ([...counts.values()].some((n) => n > 0)) break;
    } else if (!inQuotes && (ch === ';' || ch === ',' || ch === '\t')) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best: Delimiter = ';';
  for (const c of candidates) if ((counts.get(c) ?? 0) > (counts.get(best) ?? 0)) best = c;
  return best;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const newlines = (text: string): number => text.split('\n').length - 1;

/** The first line after `line` that is not blank: where the record that failed began. */
function nextRecordLine(lines: readonly string[], line: number): number {
  let next = line + 1;
  while (next <= lines.length && (lines[next - 1] ?? '').trim() === '') next++;
  return next;
}

/** Parses the whole text. Never throws: a line the parser cannot read is reported and ends the records. */
export function parseCsv(text: string, options: CsvOptions = {}): CsvResult {
  // one line break everywhere, so line numbers and cells with breaks read alike from every system
  const body = stripBom(text).replace(/\r\n?/g, '\n');
  const delimiter = options.delimiter ?? detectDelimiter(body);
  const records: CsvRecord[] = [];
  let lastLine = 0;
  try {
    parse(body, {
      delimiter,
      relax_quotes: true, // a quote opens a field only at its start; elsewhere it is kept as written
      relax_column_count: true,
      trim: true, // unquoted cells only: quoted ones keep their spaces
      skip_empty_lines: true,
      on_record: (record, context) => {
        lastLine = context.lines;
        // context.lines is the line the record ends on; breaks inside its quoted cells tell where it began
        if (record.some((c) => c !== '')) records.push({ line: context.lines - newlines(record.join('')), cells: record });
        return null;
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = nextRecordLine(body.split('\n'), lastLine);
    return { delimiter, records, ...(error.code === 'CSV_QUOTE_NOT_CLOSED' ? { unclosedQuoteLine: line } : { unreadableLine: line }) };
  }
  return { delimiter, records };
}

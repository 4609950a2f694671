/**
 * A small CSV reader (RFC 4180 plus what spreadsheets export): quoted fields with "" escapes and
 * line breaks inside quotes, CRLF or LF, a UTF-8 byte order mark, and `;` or `,` as the delimiter
 * (Swedish spreadsheets use `;` because `,` is the decimal sign).
 */
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
  /** a quote opened and never closed: the line it opened on */
  readonly unclosedQuoteLine?: number;
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

/** Parses the whole text. Never throws: an unclosed quote is reported and ends the last record. */
export function parseCsv(text: string, options: CsvOptions = {}): CsvResult {
  const body = stripBom(text);
  const delimiter = options.delimiter ?? detectDelimiter(body);
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let quoteLine = 0;
  let quotedCell = false;

  const endCell = (): void => {
    cells.push(quotedCell ? cell : cell.trim());
    cell = '';
    quotedCell = false;
  };
  const endRecord = (): void => {
    endCell();
    if (cells.some((c) => c !== '')) records.push({ line: recordLine, cells });
    cells = [];
  };

  for (let i = 0; i < body.length; i++) {
    const ch = body[i] ?? '';
    if (inQuotes) {
      if (ch === '"') {
        if (body[i + 1] === '"') {
          cell += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (ch === '\n' || (ch === '\r' && body[i + 1] !== '\n')) line++;
        cell += ch === '\r' && body[i + 1] === '\n' ? '' : ch;
      }
      continue;
    }
    if (ch === '"' && cell.trim() === '') {
      // a quote opens a field only at its start; elsewhere it is kept as written
      inQuotes = true;
      quotedCell = true;
      quoteLine = line;
      cell = '';
    } else if (ch === delimiter) endCell();
    else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else cell += ch;
  }
  const unclosed = inQuotes;
  if (cell !== '' || cells.length > 0 || quotedCell) endRecord();
  return { delimiter, records, ...(unclosed ? { unclosedQuoteLine: quoteLine } : {}) };
}

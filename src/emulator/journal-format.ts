/**
 * The journal's lines. Each line is `<crc32 of the JSON, 8 hex digits> <JSON>\n`, so a changed
 * byte is found even when the line still parses. Journals written before the checksum (plain
 * JSON lines, `{` first) are still read, once, and rewritten on open (see Persistence).
 *
 * Only the bytes after the last newline can be a crash's leftover: every line ends with its
 * newline, and a write that stops part way leaves a line without one. Any complete line that does
 * not check out is damage, wherever it is, and the journal is refused.
 */
import { crc32 } from 'node:zlib';
import { CorruptDataError } from './corrupt-data-error';

export type JournalFormat = 'checksummed' | 'plain';

export interface ReadJournal {
  readonly format: JournalFormat;
  /** the parsed lines, in order (the generation header first) */
  readonly entries: readonly unknown[];
  /** where the complete lines end: the journal is cut here when a torn last line is dropped */
  readonly validEnd: number;
  /** an unfinished last line (no newline): its line number and size */
  readonly torn?: { readonly line: number; readonly bytes: number };
}

const checksumOf = (json: string): string => crc32(json).toString(16).padStart(8, '0');

/** One journal line for `entry`, newline included. */
export function journalLine(entry: unknown): string {
  const json = JSON.stringify(entry);
  return `${checksumOf(json)} ${json}\n`;
}

const checked = /^([0-9a-f]{8}) (.*)$/s;

/** The entry of one line, or why it is not one. */
function decode(text: string, format: JournalFormat): { entry: unknown } | { problem: string } {
  let json = text;
  if (format === 'checksummed') {
    const match = checked.exec(text);
    if (!match) return { problem: 'the line does not start with its checksum' };
    json = match[2] ?? '';
    if (checksumOf(json) !== match[1]) return { problem: 'its checksum does not match its content' };
  }
  try {
    return { entry: JSON.parse(json) as unknown };
  } catch {
    return { problem: 'it is not valid JSON' };
  }
}

/**
 * Reads a journal's bytes. Throws CorruptDataError naming `file` and the line when a complete
 * line is damaged; an unfinished last line is reported in `torn`, not thrown.
 */
export function readJournal(buffer: Buffer, file: string): ReadJournal {
  const format: JournalFormat = buffer[0] === 0x7b ? 'plain' : 'checksummed';
  const entries: unknown[] = [];
  let offset = 0;
  let line = 0;
  while (offset < buffer.length) {
    line++;
    const end = buffer.indexOf(0x0a, offset);
    if (end < 0) return { format, entries, validEnd: offset, torn: { line, bytes: buffer.length - offset } };
    const decoded = decode(buffer.subarray(offset, end).toString('utf8'), format);
    if ('problem' in decoded) throw new CorruptDataError({ file, line, problem: decoded.problem });
    entries.push(decoded.entry);
    offset = end + 1;
  }
  return { format, entries, validEnd: offset };
}

/** The generation a journal's first line names (0 when it has none). */
export function generationOf(entries: readonly unknown[]): number {
  const header = entries[0] as { t?: unknown; gen?: unknown } | undefined;
  return header?.t === 'gen' && typeof header.gen === 'number' ? header.gen : 0;
}

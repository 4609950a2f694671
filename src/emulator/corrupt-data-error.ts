import { basename, dirname } from 'node:path';

export interface CorruptDataDetails {
  /** the damaged file's full path */
  readonly file: string;
  /** the damaged line (1-based), for the journal */
  readonly line?: number;
  readonly problem: string;
}

/**
 * The emulator's data on disk is damaged. The emulator refuses to start and changes nothing; the
 * message says which file and line, and how an operator can recover.
 */
export class CorruptDataError extends Error {
  override readonly name = 'CorruptDataError';
  readonly file: string;
  readonly line: number | undefined;

  constructor(details: CorruptDataDetails) {
    super(messageOf(details));
    this.file = details.file;
    this.line = details.line;
  }
}

function messageOf({ file, line, problem }: CorruptDataDetails): string {
  const dir = dirname(file);
  const where = line === undefined ? file : `${file}, line ${line}`;
  const keep = line === undefined
    ? `restore snapshot.json.prev and journal.ndjson.prev as snapshot.json and journal.ndjson (the state before the last compaction, losing what came after)`
    : line > 1
      ? `keep snapshot.json and the journal's first ${line - 1} lines (head -n ${line - 1} ${basename(file)} > journal.kept && mv journal.kept ${basename(file)}), losing the writes from line ${line} on`
      : `move ${basename(file)} aside and keep snapshot.json (the state of the last compaction), losing the writes after it`;
  return [
    `The lists emulator's data is damaged at ${where}: ${problem}.`,
    `Nothing was changed on disk, and the emulator does not start on damaged data.`,
    `To recover, stop every process using ${dir}, copy the folder for safekeeping, then either ${keep};`,
    `or move ${dir} aside and start again with no data (local mode seeds the demo again).`,
    `snapshot.json.prev and journal.ndjson.prev, when present, hold the state before the last compaction.`,
  ].join(' ');
}

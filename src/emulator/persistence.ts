import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, truncateSync, writeSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { CorruptDataError } from './corrupt-data-error';
import { generationOf, journalLine, readJournal } from './journal-format';
import { invariant } from '../domain/invariant';
import type { JournalRecord, Snapshot } from './model';

export interface PersistenceOptions {
  readonly dataDir: string;
  /**
   * journal records after which the state is compacted into a new snapshot, once the journal is
   * also at least as large as the snapshot: each compaction rewrites the whole state, so a large
   * site compacts less often and a bulk write costs time in proportion to what it writes
   */
  readonly compactAfter?: number;
  /** what recovery did (a torn last line dropped, an old journal format rewritten) */
  readonly log?: (message: string) => void;
}

export interface LoadedState {
  readonly snapshot: Snapshot | undefined;
  readonly records: readonly JournalRecord[];
  /** bytes of a torn last journal line that were dropped */
  readonly droppedBytes: number;
}

const snapshotFile = 'snapshot.json';
const journalFile = 'journal.ndjson';
/** what a compaction replaced: the snapshot and journal of the generation before */
const previous = (file: string): string => `${file}.prev`;

/**
 * Snapshot plus append-only journal. A write is durable when `append` resolves: records are
 * written and fsynced in groups, so concurrent writers share one fsync. Each journal line carries
 * its checksum (journal-format.ts); a damaged line stops the start with CorruptDataError and
 * leaves every file as it is. Compaction writes the snapshot to a temporary file, fsyncs it and
 * renames it over the old one, then starts a new journal; the snapshot and journal it replaced
 * stay as `*.prev`, for an operator to recover from. Replaying a journal over a newer snapshot is
 * harmless, because records are upserts.
 */
export class Persistence {
  private handle: FileHandle | undefined;
  private pending: { line: string; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private flushing: Promise<void> | undefined;
  private recordsSinceSnapshot = 0;
  private journalBytes = 0;
  private snapshotBytes = 0;
  private readonly compactAfter: number;
  private takeSnapshot: (() => Snapshot) | undefined;
  private generation = 0;
  /** the journal on disk predates checksums: it is rewritten on open */
  private plainJournal = false;
  /** after a failed write nothing more is acknowledged: memory may hold a change the disk lacks */
  private failure: unknown;

  constructor(private readonly options: PersistenceOptions) {
    this.compactAfter = options.compactAfter ?? 20_000;
  }

  private path(file: string): string {
    return join(this.options.dataDir, file);
  }

  /**
   * Reads what is stored. A torn last journal line (a write a crash interrupted, never
   * acknowledged) is cut off and logged, so later appends start on a clean line; any other damage
   * throws CorruptDataError and changes nothing.
   */
  load(): LoadedState {
    mkdirSync(this.options.dataDir, { recursive: true });
    rmSync(this.path(`${snapshotFile}.tmp`), { force: true });
    const snapshot = this.readSnapshot();
    this.generation = snapshot?.generation ?? 0;
    const journalPath = this.path(journalFile);
    if (!existsSync(journalPath)) return { snapshot, records: [], droppedBytes: 0 };
    const journalContent = readFileSync(journalPath);
    const journal = readJournal(journalContent, journalPath);
    if (generationOf(journal.entries) < this.generation) {
      // the process stopped after a compaction renamed its snapshot but before it started a new journal
      this.setAside(journalFile);
      return { snapshot, records: [], droppedBytes: 0 };
    }
    if (journal.torn) {
      truncateSync(journalPath, journal.validEnd);
      this.options.log?.(`lists emulator: dropped the torn last line of ${journalPath} (line ${journal.torn.line}, ${journal.torn.bytes} bytes): a write cut short by a crash, never acknowledged`);
    }
    this.plainJournal = journal.format === 'plain';
    const records = journal.entries.filter((entry) => (entry as { t?: string }).t !== 'gen') as JournalRecord[];
    this.recordsSinceSnapshot = records.length;
    this.journalBytes = journal.torn ? journal.validEnd : journalContent.length;
    return { snapshot, records, droppedBytes: journal.torn?.bytes ?? 0 };
  }

  private readSnapshot(): Snapshot | undefined {
    const file = this.path(snapshotFile);
    if (!existsSync(file)) return undefined;
    try {
      const content = readFileSync(file, 'utf8');
      this.snapshotBytes = Buffer.byteLength(content);
      return JSON.parse(content) as Snapshot;
    } catch {
      throw new CorruptDataError({ file, problem: 'it is not valid JSON' });
    }
  }

  /** Opens the journal for appending; `snapshot` supplies the state for compaction. */
  async open(snapshot: () => Snapshot): Promise<void> {
    this.takeSnapshot = snapshot;
    if (this.plainJournal) {
      // a journal from before line checksums: its state goes into a snapshot, new lines carry checksums
      this.options.log?.(`lists emulator: rewrote ${this.path(journalFile)} (lines without checksums) into a snapshot; the old files are kept as *.prev`);
      await this.compact();
      return;
    }
    await this.openJournal();
  }

  private async openJournal(): Promise<void> {
    this.handle = await open(this.path(journalFile), 'a');
    if ((await this.handle.stat()).size === 0) {
      await this.handle.write(journalLine({ t: 'gen', gen: this.generation }));
      await this.handle.datasync();
    }
  }

  /** Resolves once the records are on disk (written and fsynced). */
  append(records: readonly JournalRecord[]): Promise<void> {
    if (records.length === 0) return Promise.resolve();
    if (this.failure !== undefined) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const line = records.map(journalLine).join('');
      this.pending.push({ line, resolve, reject });
      this.recordsSinceSnapshot += records.length;
      this.journalBytes += Buffer.byteLength(line);
      this.schedule();
    });
  }

  async close(): Promise<void> {
    while (this.flushing) await this.flushing;
    if (this.handle && this.recordsSinceSnapshot > 0) await this.compact();
    await this.handle?.close();
    this.handle = undefined;
  }

  private schedule(): void {
    if (this.flushing) return;
    this.flushing = this.flush().finally(() => {
      this.flushing = undefined;
      if (this.pending.length > 0) this.schedule();
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    try {
      invariant(this.handle, 'The journal is not open.');
      await this.handle.write(batch.map((entry) => entry.line).join(''));
      await this.handle.datasync();
      if (this.recordsSinceSnapshot >= this.compactAfter && this.journalBytes >= this.snapshotBytes) await this.compact();
      for (const entry of batch) entry.resolve();
    } catch (error) {
      this.failure = error;
      for (const entry of batch) entry.reject(error);
    }
  }

  /**
   * Runs between flushes only, so no journal write interleaves with it. The new snapshot is in
   * place before the journal moves: a crash at any step leaves a snapshot and a journal that
   * together hold every acknowledged write.
   */
  private async compact(): Promise<void> {
    if (!this.takeSnapshot) return;
    const temporary = this.path(`${snapshotFile}.tmp`);
    const generation = this.generation + 1;
    const content = JSON.stringify({ ...this.takeSnapshot(), generation });
    writeDurably(temporary, content);
    if (existsSync(this.path(snapshotFile))) {
      const kept = this.path(`${previous(snapshotFile)}.tmp`);
      copyFileSync(this.path(snapshotFile), kept);
      fsyncFile(kept);
      renameSync(kept, this.path(previous(snapshotFile)));
    }
    renameSync(temporary, this.path(snapshotFile));
    syncDirectory(this.options.dataDir);
    this.generation = generation;
    await this.handle?.close();
    this.handle = undefined;
    this.setAside(journalFile);
    await this.openJournal();
    this.recordsSinceSnapshot = 0;
    this.journalBytes = 0;
    this.snapshotBytes = Buffer.byteLength(content);
  }

  /** Moves a file to its `.prev` name (replacing the one there), durably. */
  private setAside(file: string): void {
    if (!existsSync(this.path(file))) return;
    renameSync(this.path(file), this.path(previous(file)));
    syncDirectory(this.options.dataDir);
  }
}

function writeDurably(file: string, content: string): void {
  const fd = openSync(file, 'w');
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function syncDirectory(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // some platforms cannot fsync a directory; the rename is still atomic
  }
}

import { mkdirSync, openSync, closeSync, fsyncSync, readFileSync, renameSync, rmSync, truncateSync, writeSync, existsSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { invariant } from '../domain/invariant';
import type { JournalRecord, Snapshot } from './model';

export interface PersistenceOptions {
  readonly dataDir: string;
  /** journal records after which the state is compacted into a new snapshot */
  readonly compactAfter?: number;
}

export interface LoadedState {
  readonly snapshot: Snapshot | undefined;
  readonly records: readonly JournalRecord[];
  /** bytes of a torn or corrupt journal tail that were dropped */
  readonly droppedBytes: number;
}

const snapshotFile = 'snapshot.json';
const journalFile = 'journal.ndjson';

/**
 * Snapshot plus append-only journal. A write is durable when `append` resolves: records are
 * written and fsynced in groups, so concurrent writers share one fsync. Compaction writes the
 * snapshot to a temporary file, fsyncs it and renames it over the old one before the journal is
 * truncated; replaying a journal over a newer snapshot is harmless, because records are upserts.
 */
export class Persistence {
  private handle: FileHandle | undefined;
  private pending: { line: string; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private flushing: Promise<void> | undefined;
  private recordsSinceSnapshot = 0;
  private readonly compactAfter: number;
  private takeSnapshot: (() => Snapshot) | undefined;
  private generation = 0;
  /** after a failed write nothing more is acknowledged: memory may hold a change the disk lacks */
  private failure: unknown;

  constructor(private readonly options: PersistenceOptions) {
    this.compactAfter = options.compactAfter ?? 20_000;
  }

  /** Reads what is stored and drops a torn journal tail so later appends start on a clean line. */
  load(): LoadedState {
    const dir = this.options.dataDir;
    mkdirSync(dir, { recursive: true });
    rmSync(join(dir, `${snapshotFile}.tmp`), { force: true });
    const snapshotPath = join(dir, snapshotFile);
    const snapshot = existsSync(snapshotPath) ? (JSON.parse(readFileSync(snapshotPath, 'utf8')) as Snapshot) : undefined;
    this.generation = snapshot?.generation ?? 0;
    const journalPath = join(dir, journalFile);
    if (!existsSync(journalPath)) return { snapshot, records: [], droppedBytes: 0 };
    const buffer = readFileSync(journalPath);
    const lines: unknown[] = [];
    let offset = 0;
    while (offset < buffer.length) {
      const end = buffer.indexOf(0x0a, offset);
      if (end < 0) break;
      try {
        lines.push(JSON.parse(buffer.subarray(offset, end).toString('utf8')));
      } catch {
        break;
      }
      offset = end + 1;
    }
    const header = lines[0] as { t?: string; gen?: number } | undefined;
    const journalGeneration = header?.t === 'gen' && typeof header.gen === 'number' ? header.gen : 0;
    if (journalGeneration < this.generation) {
      // the process stopped after a compaction renamed its snapshot but before it emptied the journal
      truncateSync(journalPath, 0);
      return { snapshot, records: [], droppedBytes: 0 };
    }
    if (offset < buffer.length) truncateSync(journalPath, offset);
    const records = lines.filter((line) => (line as { t?: string }).t !== 'gen') as JournalRecord[];
    this.recordsSinceSnapshot = records.length;
    return { snapshot, records, droppedBytes: buffer.length - offset };
  }

  /** Opens the journal for appending; `snapshot` supplies the state for compaction. */
  async open(snapshot: () => Snapshot): Promise<void> {
    this.takeSnapshot = snapshot;
    this.handle = await open(join(this.options.dataDir, journalFile), 'a');
    if ((await this.handle.stat()).size === 0) await this.writeHeader();
  }

  private async writeHeader(): Promise<void> {
    await this.handle?.write(`${JSON.stringify({ t: 'gen', gen: this.generation })}\n`);
    await this.handle?.datasync();
  }

  /** Resolves once the records are on disk (written and fsynced). */
  append(records: readonly JournalRecord[]): Promise<void> {
    if (records.length === 0) return Promise.resolve();
    if (this.failure !== undefined) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending.push({ line: records.map((record) => `${JSON.stringify(record)}\n`).join(''), resolve, reject });
      this.recordsSinceSnapshot += records.length;
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
      if (this.recordsSinceSnapshot >= this.compactAfter) await this.compact();
      for (const entry of batch) entry.resolve();
    } catch (error) {
      this.failure = error;
      for (const entry of batch) entry.reject(error);
    }
  }

  /** Runs between flushes only, so no journal write interleaves with the truncate. */
  private async compact(): Promise<void> {
    if (!this.takeSnapshot) return;
    const dir = this.options.dataDir;
    const temporary = join(dir, `${snapshotFile}.tmp`);
    const generation = this.generation + 1;
    const fd = openSync(temporary, 'w');
    try {
      writeSync(fd, JSON.stringify({ ...this.takeSnapshot(), generation }));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, join(dir, snapshotFile));
    syncDirectory(dir);
    this.generation = generation;
    truncateSync(join(dir, journalFile), 0);
    await this.writeHeader();
    this.recordsSinceSnapshot = 0;
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

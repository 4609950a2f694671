/**
 * An exclusive lock on the emulator's data folder: two processes writing one journal would lose
 * acknowledged writes and hand out ids twice. The lock is a file created with `wx` (it fails when
 * the file exists) holding the owner's pid, host and start time. A lock whose pid is not alive on
 * this host is stale (its process was killed) and is taken over, with a log line.
 */
import { randomUUID } from 'node:crypto';
import { closeSync, linkSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';

export const lockFileName = 'lock';

export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  /** ISO time the holder took the lock */
  readonly since: string;
  /** unique per taking: tells one holder's lock file from the next */
  readonly token: string;
}

/** Another process holds the data folder. */
export class DataFolderLockedError extends Error {
  override readonly name = 'DataFolderLockedError';
  constructor(readonly lockFile: string, readonly holder: LockHolder | undefined, why: string) {
    super(`The lists emulator's data folder ${dirname(lockFile)} is in use: ${why}. ` +
      `Stop that process first; if it is gone${holder ? '' : ' or the lock file is not one of ours'}, remove ${lockFile} and start again.`);
  }
}

export interface DataLock {
  readonly holder: LockHolder;
  /** Removes the lock file if it is still this holder's. Idempotent. */
  release(): void;
}

export interface LockOptions {
  /** what a takeover of a stale lock says */
  readonly log?: (message: string) => void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const codeOf = (error: unknown): string | undefined => (error as NodeJS.ErrnoException).code;

function readHolder(raw: string): LockHolder | undefined {
  try {
    const value = JSON.parse(raw) as Partial<LockHolder>;
    return typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.since === 'string' && typeof value.token === 'string'
      ? { pid: value.pid, host: value.host, since: value.since, token: value.token }
      : undefined;
  } catch {
    return undefined;
  }
}

/** Creates the lock file; false when it exists already. */
function create(file: string, holder: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx');
  } catch (error) {
    if (codeOf(error) === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, `${JSON.stringify(holder)}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * Removes a stale lock whose content is `raw`, unless it changed meanwhile. A hard link named
 * after the stale holder's token makes the takeover exclusive: a second process taking over the
 * same lock finds the link there, and one that read an older lock finds other content behind it.
 */
function removeStale(file: string, raw: string, stale: LockHolder): boolean {
  const aside = `${file}.stale-${stale.token}`;
  try {
    linkSync(file, aside);
  } catch (error) {
    if (codeOf(error) === 'EEXIST' || codeOf(error) === 'ENOENT') return false;
    throw error;
  }
  try {
    if (readFileSync(aside, 'utf8') !== raw) return false;
    unlinkSync(file);
    return true;
  } finally {
    unlinkSync(aside);
  }
}

/** Takes the data folder's lock, or throws DataFolderLockedError naming who holds it. */
export function lockDataFolder(dir: string, options: LockOptions = {}): DataLock {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, lockFileName);
  const holder: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString(), token: randomUUID() };
  // each round either takes the lock, refuses, or clears a stale lock someone else may take first
  for (let round = 0; round < 5; round++) {
    if (create(file, holder)) return heldLock(file, holder);
    let raw: string;
    try {
      raw = readFileSync(file, 'utf8');
    } catch (error) {
      if (codeOf(error) === 'ENOENT') continue; // released meanwhile
      throw error;
    }
    const current = readHolder(raw);
    if (!current) throw new DataFolderLockedError(file, undefined, `${file} exists but does not say who holds it`);
    const who = `process ${current.pid} on ${current.host} holds it since ${current.since}`;
    if (current.host !== holder.host) throw new DataFolderLockedError(file, current, `${who} (another host: it cannot be checked from here)`);
    if (current.pid === process.pid || isAlive(current.pid)) throw new DataFolderLockedError(file, current, who);
    if (removeStale(file, raw, current)) options.log?.(`lists emulator: took over the lock on ${dir}: process ${current.pid} (since ${current.since}) is no longer running`);
  }
  throw new DataFolderLockedError(file, undefined, 'other processes kept taking the lock while this one tried');
}

function heldLock(file: string, holder: LockHolder): DataLock {
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    process.off('exit', release);
    try {
      if (readHolder(readFileSync(file, 'utf8'))?.token === holder.token) unlinkSync(file);
    } catch (error) {
      if (codeOf(error) !== 'ENOENT') throw error;
    }
  };
  // a process that exits without closing the emulator still frees its folder
  process.on('exit', release);
  return { holder, release };
}

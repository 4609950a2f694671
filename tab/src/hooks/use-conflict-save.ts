import { useCallback, useEffect, useRef, useState } from 'react';
import { ProblemError } from '../api/problem-error';

/**
 * Writes the draft: against `base` (whose eTag or version the write sends; undefined for a new
 * item), sending what the user changed since `editedFrom`, the version their edits started from.
 */
export type ConflictWrite<T, D> = (draft: D, base: T | undefined, editedFrom: T | undefined) => Promise<T>;

export interface ConflictSaveOptions<T, D> {
  /** The stored version the form opens with; undefined for a new item. */
  readonly initial: T | undefined;
  /** The form's draft of a version (of nothing yet, for a new item). */
  readonly draftOf: (version: T | undefined) => D;
  /** Whether a 409's `current` is a version of this item. */
  readonly isVersion: (value: unknown) => value is T;
}

export interface ConflictSave<T, D> {
  readonly draft: D;
  /** True once the draft was changed and until it is saved or replaced. */
  readonly dirty: boolean;
  /** The version the next save goes on top of. */
  readonly base: T | undefined;
  /** The version the user's edits started from: after a conflict only the changes since it are sent. */
  readonly editedFrom: T | undefined;
  /** The current version, when a save found that someone else had changed the item. */
  readonly conflict: T | null;
  readonly busy: boolean;
  /** Any other failure of the last save (a ProblemError names its field). */
  readonly error: unknown;
  readonly change: (update: (draft: D) => D) => void;
  /** Saves the draft; the saved version, or undefined when it did not save (a conflict, an error, a save already running). */
  readonly save: (write: ConflictWrite<T, D>) => Promise<T | undefined>;
  /** After a conflict: the same write again, the user's changes on top of the current version. */
  readonly keepMine: () => Promise<T | undefined>;
  /** After a conflict: the current version becomes the form's, the user's changes are dropped. */
  readonly takeTheirs: () => T | undefined;
  /** A version this form wrote by other means (a submit after the save): the next save goes on top of it. */
  readonly settle: (version: T) => void;
  /** Starts over from a version: another item picked, or a live update while nothing is edited. */
  readonly load: (version: T | undefined) => void;
}

interface Form<T, D> {
  readonly draft: D;
  readonly dirty: boolean;
  readonly base: T | undefined;
  readonly editedFrom: T | undefined;
}

/**
 * The conflict-aware save every editing form shares: a draft over a stored version, saved with
 * that version's eTag; a 409 that carries the current version opens a conflict (shown by
 * ConflictPanel) instead of overwriting it, and the user keeps their changes on top of it or
 * takes the current version. One save runs at a time.
 */
export function useConflictSave<T, D>(options: ConflictSaveOptions<T, D>): ConflictSave<T, D> {
  const [form, setForm] = useState<Form<T, D>>(() => ({ draft: options.draftOf(options.initial), dirty: false, base: options.initial, editedFrom: options.initial }));
  const [conflict, setConflict] = useState<T | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const running = useRef(false);
  const lastWrite = useRef<ConflictWrite<T, D> | null>(null);
  // the callbacks below stay the same across renders (a live update's effect depends on `load`),
  // reading the options of the latest render
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  const run = async (write: ConflictWrite<T, D>, against: T | undefined): Promise<T | undefined> => {
    if (running.current) return undefined;
    running.current = true;
    lastWrite.current = write;
    setBusy(true);
    setError(null);
    try {
      const saved = await write(form.draft, against, form.editedFrom);
      setForm((now) => ({ ...now, dirty: false, base: saved, editedFrom: saved }));
      setConflict(null);
      return saved;
    } catch (caught) {
      if (caught instanceof ProblemError && caught.isConflict && latest.current.isVersion(caught.current)) setConflict(caught.current);
      else setError(caught);
      return undefined;
    } finally {
      running.current = false;
      setBusy(false);
    }
  };

  const load = useCallback((version: T | undefined) => {
    setForm({ draft: latest.current.draftOf(version), dirty: false, base: version, editedFrom: version });
    setConflict(null);
    setError(null);
  }, []);
  const change = useCallback((update: (draft: D) => D) => setForm((now) => ({ ...now, draft: update(now.draft), dirty: true })), []);
  const settle = useCallback((version: T) => setForm((now) => ({ ...now, base: version, editedFrom: version })), []);

  return {
    ...form,
    conflict,
    busy,
    error,
    change,
    settle,
    load,
    save: (write) => run(write, form.base),
    keepMine: async () => {
      const write = lastWrite.current;
      if (!conflict || !write) return undefined;
      setForm((now) => ({ ...now, base: conflict }));
      setConflict(null);
      return run(write, conflict);
    },
    takeTheirs: () => {
      if (!conflict) return undefined;
      load(conflict);
      return conflict;
    },
  };
}

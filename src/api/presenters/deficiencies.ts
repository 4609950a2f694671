import type { DeficiencyEntry, DeficiencyRegister } from '../../contract';
import type { DeficiencyEntry as Entry } from '../../services/deficiency-service';
import { represent } from './item';

export interface EntryOptions {
  /** the board's copy: nothing about individual staff (no action owner) */
  readonly boardSafe?: boolean;
}

/** A deficiency with its actions and flags. */
export function presentDeficiencyEntry(entry: Entry, options: EntryOptions = {}): DeficiencyEntry {
  return {
    deficiency: represent(entry.deficiency),
    actions: entry.actions.map(({ id, fields: a }) => ({
      id, title: a.title, status: a.status, dueDate: a.dueDate,
      ...(a.evaluation !== undefined ? { evaluation: a.evaluation } : {}),
      ...(a.ownerName !== undefined && !options.boardSafe ? { ownerName: a.ownerName } : {}),
    })),
    withoutAction: entry.withoutAction,
    overdue: entry.overdue,
    ...(entry.closeBlocker ? { closeBlocker: entry.closeBlocker } : {}),
  };
}

/** `GET /units/:unitId/deficiency-register`, `GET /organizer/deficiencies`. */
export function presentRegister(entries: readonly Entry[], options: EntryOptions = {}): DeficiencyRegister {
  return { items: entries.map((entry) => presentDeficiencyEntry(entry, options)) };
}

/**
 * The results as users see them: the one place that decides which results a view counts. Every
 * view that reads measurements or municipalityResults from a ReadView passes them through here
 * (and reads `resultImports` in the same round trip: `countedLists`). An import is all or nothing
 * from the users' view: its results count once it is complete, a failed one's never
 * (domain/result-import.ts). Only the import's own preview reads the results raw: it resumes
 * and compares by what is stored.
 */
import { resultAsSeen } from '../domain';
import type { Entities } from '../lists/lists';
import type { StoredItem } from '../store/port';
import type { ReadView } from '../store/read-model';

/** What a view reads beside the results to count them: one small item per import. */
export const countedLists = ['resultImports'] as const;

type ResultList = 'measurements' | 'municipalityResults';
type CountingView = Pick<ReadView<Pick<Entities, 'resultImports'>>, 'all'>;

/** The imports whose results count: those complete (a few hundred items at most, one per import ever run). */
function completeImports(view: CountingView): (importId: string) => boolean {
  const done = new Set(view.all('resultImports').flatMap((item) => (item.fields.state === 'done' ? [item.fields.jobId] : [])));
  return (importId) => done.has(importId);
}

/**
 * How users see each result of `view`: the item, a copy with the value and groups from before (an
 * unfinished import changed it), or undefined (an unfinished import created it). Counted as stored,
 * the item is the mirror's own object, not a copy.
 */
export function seeingIn(view: CountingView): <T extends Entities[ResultList]>(item: StoredItem<T>) => StoredItem<T> | undefined {
  const isComplete = completeImports(view);
  return (item) => {
    const fields = resultAsSeen(item.fields, isComplete);
    if (fields === undefined) return undefined;
    return fields === item.fields ? item : { ...item, fields };
  };
}

/**
 * The results users see of `items`, in their order: without those an unfinished import created,
 * with the value and groups from before of those it changed.
 */
export function resultsAsSeen<T extends Entities[ResultList]>(view: CountingView, items: readonly StoredItem<T>[]): StoredItem<T>[] {
  const see = seeingIn(view);
  const seen: StoredItem<T>[] = [];
  for (const item of items) {
    const shown = see(item);
    if (shown) seen.push(shown);
  }
  return seen;
}

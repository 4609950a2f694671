/**
 * The domain's date rules with the tab's "today": the user's local calendar day (a due date is a
 * calendar date, not an instant), where the server counts in UTC.
 */
import { isOverdue as isOverdueOn, type Action } from '../../../src/domain/action';
import { schoolYearOf as schoolYearOfDay } from '../../../src/domain/common';

/** Today as 'YYYY-MM-DD' in local time. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The school year the local day of `now` falls in: from 1 July, e.g. '2025/26'. */
export function schoolYearOf(now: Date = new Date()): string {
  return schoolYearOfDay(todayIso(now));
}

/** An open action past its due date, by the local day. */
export function isOverdue(action: Pick<Action, 'status' | 'dueDate'>, today: string = todayIso()): boolean {
  return isOverdueOn(action, today);
}

/** Today as 'YYYY-MM-DD' in local time (due dates are calendar dates, not instants). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The school year a date falls in: from 1 July, e.g. '2025/26'. */
export function schoolYearOf(date: Date = new Date()): string {
  const year = date.getMonth() >= 6 ? date.getFullYear() : date.getFullYear() - 1;
  return `${year}/${String((year + 1) % 100).padStart(2, '0')}`;
}

/** An open action past its due date. */
export function isOverdue(action: { dueDate: string; status: string }, today: string = todayIso()): boolean {
  return (action.status === 'planned' || action.status === 'inProgress') && action.dueDate < today;
}

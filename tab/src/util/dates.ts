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

/** A date or timestamp shown in the user's language. */
export function formatDate(value: string | undefined, language: 'sv' | 'en'): string {
  if (!value) return '';
  const date = new Date(value.length === 10 ? `${value}T12:00:00` : value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleDateString(language === 'sv' ? 'sv-SE' : 'en-GB', { year: 'numeric', month: 'short', day: 'numeric' });
}

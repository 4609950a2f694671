/**
 * Whether two field values are the same as the lists keep them: equal as JSON values, with a date
 * and time the same when it is the same instant to the second (SharePoint gives date-times back in
 * UTC, to the second: "2026-03-10T13:00:00+01:00" is kept as "2026-03-10T12:00:00Z").
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a === b || sameInstant(a, b);
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((value, index) => sameValue(value, b[index]));
  if (isRecord(a)) {
    if (!isRecord(b)) return false;
    const keys = definedKeys(a);
    return keys.join('\u0000') === definedKeys(b).join('\u0000') && keys.every((key) => sameValue(a[key], b[key]));
  }
  return a === b;
}

const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function sameInstant(a: string, b: string): boolean {
  if (!dateTime.test(a) || !dateTime.test(b)) return false;
  const [left, right] = [Date.parse(a), Date.parse(b)];
  return !Number.isNaN(left) && Math.floor(left / 1000) === Math.floor(right / 1000);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function definedKeys(value: Record<string, unknown>): string[] {
  return Object.keys(value).filter((key) => value[key] !== undefined).sort();
}

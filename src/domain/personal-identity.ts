/**
 * Swedish personal identity numbers (personnummer and samordningsnummer) in free text.
 * The tool holds no data about individual pupils, so free text that contains a valid one is refused.
 *
 * Found in the forms people type: 10 or 12 digits (with or without the century), with nothing
 * between date and number, or `-`, `+` (100 years or older), the dashes word processors and Teams
 * put in for a hyphen (‐ ‑ ‒ – — −), a space (also a no-break one), or a dash with spaces around.
 * A number counts only when its date is possible (a samordningsnummer adds 60 to the day) and its
 * Luhn check digit holds, so ordinary numbers pass: dates, phone numbers, diarienummer, amounts,
 * skolenhetskoder, and organisationsnummer (their month is 20 or more).
 */
const dash = '[-\\u2010\\u2011\\u2012\\u2013\\u2014\\u2212]';
const space = '[ \\u00a0\\u2009\\u202f]';
const separator = `(?:${space}?(?:${dash}|\\+)${space}?|${space})?`;
const candidate = new RegExp(`(?<!\\d)(\\d{2})?(\\d{2})(\\d{2})(\\d{2})${separator}(\\d{4})(?!\\d)`, 'g');
/** An id such as an Entra object id: digits inside one are never a personnummer */
const guid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

function luhnHolds(tenDigits: string): boolean {
  let sum = 0;
  for (let i = 0; i < tenDigits.length; i++) {
    let digit = Number(tenDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (digit > 9) digit -= 9;
    sum += digit;
  }
  return sum % 10 === 0;
}

function dateIsPossible(century: string | undefined, yy: string, mm: string, dd: string): boolean {
  const month = Number(mm);
  let day = Number(dd);
  if (day > 60) day -= 60; // samordningsnummer add 60 to the day
  if (month < 1 || month > 12 || day < 1) return false;
  const year = century ? Number(century + yy) : 2000 + Number(yy);
  if (century && !['18', '19', '20'].includes(century)) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/** Where a valid personal identity number stands in a text. */
export interface PersonalIdentityMatch {
  readonly index: number;
  /** as written, separator included */
  readonly text: string;
}

/** Every valid personal identity number in `text`, in order. */
export function findPersonalIdentityNumbers(text: string): PersonalIdentityMatch[] {
  const ids = [...text.matchAll(guid)].map((m) => [m.index, m.index + m[0].length] as const);
  const found: PersonalIdentityMatch[] = [];
  for (const match of text.matchAll(candidate)) {
    const [whole, century, yy = '', mm = '', dd = '', last4 = ''] = match;
    const end = match.index + whole.length;
    if (ids.some(([from, to]) => match.index < to && end > from)) continue;
    if (dateIsPossible(century, yy, mm, dd) && luhnHolds(`${yy}${mm}${dd}${last4}`)) found.push({ index: match.index, text: whole });
  }
  return found;
}

/** The first valid personal identity number found in `text`, or undefined. */
export function findPersonalIdentityNumber(text: string): string | undefined {
  return findPersonalIdentityNumbers(text)[0]?.text;
}

export function containsPersonalIdentityNumber(text: string): boolean {
  return findPersonalIdentityNumbers(text).length > 0;
}

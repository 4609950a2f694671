/**
 * Swedish personal identity numbers (personnummer and samordningsnummer) in free text.
 * The tool holds no data about individual pupils, so free text that contains a valid one is refused.
 * A number counts only when its date is possible and its Luhn check digit holds, so ordinary
 * numbers (skolenhetskoder, results, phone numbers) pass.
 */
const candidate = /(?<![\d])(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{4})(?![\d])/g;

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

/** The first valid personal identity number found in `text`, or undefined. */
export function findPersonalIdentityNumber(text: string): string | undefined {
  for (const match of text.matchAll(candidate)) {
    const [whole, century, yy = '', mm = '', dd = '', , last4 = ''] = match;
    if (dateIsPossible(century, yy, mm, dd) && luhnHolds(`${yy}${mm}${dd}${last4}`)) return whole;
  }
  return undefined;
}

export function containsPersonalIdentityNumber(text: string): boolean {
  return findPersonalIdentityNumber(text) !== undefined;
}

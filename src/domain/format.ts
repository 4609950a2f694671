/**
 * The one formatter for numbers, percentages, dates and date ranges in the user's language, used by
 * the tab, the bot's cards and both .docx reports: Swedish as written in Sweden (decimal comma,
 * "20 jan. 2027"), English as written in Britain ("20 Jan 2027"). Pure: Intl only.
 */
import type { UnitOfMeasure } from './choices';
import type { Language } from './language';

/** The locale each language writes numbers and dates in. */
const localeOf: Readonly<Record<Language, string>> = { sv: 'sv-SE', en: 'en-GB' };

/** What a missing value is shown as. */
const missingValue = '–';

export interface FormatterOptions {
  /**
   * The time zone an instant ("2026-03-10T13:00:00Z") is shown in; the runtime's own by default
   * (the user's, in the tab). A calendar date ("2027-01-20") is the same day everywhere.
   */
  readonly timeZone?: string;
}

export interface Formatter {
  readonly language: Language;
  /** 81.8 → "81,8" / "81.8"; at most two decimals unless told otherwise; undefined → "–" */
  number(value: number | undefined, maximumFractionDigits?: number): string;
  /** A percentage as results keep it (0–100): 81.8 → "81,8 %" / "81.8%"; undefined → "–" */
  percent(value: number | undefined): string;
  /** A result with its unit of measure: "81,8 %", "235 poäng", "12 st.", "3,5 dagar"; a scale's value bare; undefined → "–" */
  measure(value: number | undefined, unitOfMeasure: UnitOfMeasure): string;
  /** A calendar date or an instant: → "20 jan. 2027" / "20 Jan 2027"; undefined → "" */
  date(value: string | Date | undefined): string;
  /** From one date to another, the shared month and year written once: "20–23 jan. 2027" */
  dateRange(from: string | Date, to: string | Date): string;
  /** An instant's time of day: "14:05" */
  time(value: string | Date): string;
  /** A month's name (0 is January): "januari" / "January", or short: "jan." / "Jan" */
  month(index: number, width: 'long' | 'short'): string;
}

const calendarDate = /^\d{4}-\d{2}-\d{2}$/;
const dateFields = { year: 'numeric', month: 'short', day: 'numeric' } as const;

/** A calendar date is read at noon UTC and shown in UTC, so no time zone moves it to another day. */
function parse(value: string | Date): { date: Date; calendar: boolean } {
  if (value instanceof Date) return { date: value, calendar: false };
  const calendar = calendarDate.test(value);
  return { date: new Date(calendar ? `${value}T12:00:00Z` : value), calendar };
}

/** The words a value of each unit of measure is written with, after the number: one, several. */
const measureUnits: Readonly<Record<Language, Readonly<Record<Exclude<UnitOfMeasure, 'percent' | 'scale'>, readonly [string, string]>>>> = {
  sv: { points: ['poäng', 'poäng'], count: ['st.', 'st.'], days: ['dag', 'dagar'] },
  en: { points: ['point', 'points'], count: ['', ''], days: ['day', 'days'] },
};

/** A formatter for one language; make one and keep it (it holds its Intl formats). */
export function formatterFor(language: Language, options: FormatterOptions = {}): Formatter {
  const locale = localeOf[language];
  const zone = options.timeZone !== undefined ? { timeZone: options.timeZone } : {};
  const numbers = new Map<number, Intl.NumberFormat>();
  const numberFormat = (digits: number) => {
    const known = numbers.get(digits);
    if (known) return known;
    const made = new Intl.NumberFormat(locale, { maximumFractionDigits: digits });
    numbers.set(digits, made);
    return made;
  };
  const percentFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const calendarFormat = new Intl.DateTimeFormat(locale, { ...dateFields, timeZone: 'UTC' });
  const instantFormat = new Intl.DateTimeFormat(locale, { ...dateFields, ...zone });
  const timeFormat = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', ...zone });
  const months = { long: new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }), short: new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }) };

  const number = (value: number | undefined, digits = 2) => (value === undefined ? missingValue : numberFormat(digits).format(value));
  const percent = (value: number | undefined) => (value === undefined ? missingValue : percentFormat.format(value / 100));
  return {
    language,
    number,
    percent,
    measure(value, unitOfMeasure) {
      if (value === undefined) return missingValue;
      if (unitOfMeasure === 'percent') return percent(value);
      if (unitOfMeasure === 'scale') return number(value);
      const [one, several] = measureUnits[language][unitOfMeasure];
      const word = value === 1 ? one : several;
      // A no-break space, so a number never stands on one line and its unit on the next.
      return word === '' ? number(value) : `${number(value)}\u00a0${word}`;
    },
    date(value) {
      if (value === undefined || value === '') return '';
      const { date, calendar } = parse(value);
      if (Number.isNaN(date.getTime())) return String(value);
      return (calendar ? calendarFormat : instantFormat).format(date);
    },
    dateRange(from, to) {
      const start = parse(from);
      const end = parse(to);
      if (Number.isNaN(start.date.getTime()) || Number.isNaN(end.date.getTime())) return `${String(from)}–${String(to)}`;
      return (start.calendar && end.calendar ? calendarFormat : instantFormat).formatRange(start.date, end.date);
    },
    time: (value) => timeFormat.format(parse(value).date),
    month: (index, width) => months[width].format(new Date(Date.UTC(2000, index, 15))),
  };
}

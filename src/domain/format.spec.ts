import { describe, expect, it } from 'vitest';
import { formatterFor } from './format';

const sv = formatterFor('sv', { timeZone: 'Europe/Stockholm' });
const en = formatterFor('en', { timeZone: 'Europe/Stockholm' });
/** Intl writes no-break and thin spaces (digit groups, before "%", around a range's dash); the tests read plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u2009\u202f]/g, ' ');

describe('formatterFor', () => {
  it('writes numbers with a decimal comma in Swedish and a decimal point in English, at most two decimals', () => {
    expect(sv.number(81.8)).toBe('81,8');
    expect(en.number(81.8)).toBe('81.8');
    expect(sv.number(231.456)).toBe('231,46');
    expect(sv.number(2.46, 1)).toBe('2,5');
    expect(plain(sv.number(12345.5))).toBe('12 345,5');
    expect(en.number(12345.5)).toBe('12,345.5');
    expect(sv.number(undefined)).toBe('–');
  });

  it('writes the roll-up\'s one decimal with a comma in Swedish, and a missing value as a dash', () => {
    expect(sv.number(236.54, 1)).toBe('236,5');
    expect(en.number(236.54, 1)).toBe('236.5');
    expect(sv.number(undefined, 1)).toBe('–');
  });

  it('writes a percentage kept as 0–100 the way each language does', () => {
    expect(plain(sv.percent(81.8))).toBe('81,8 %');
    expect(en.percent(81.8)).toBe('81.8%');
    expect(en.percent(undefined)).toBe('–');
  });

  it('writes a result with its unit of measure, never splitting the number from its unit', () => {
    expect(plain(sv.measure(81.8, 'percent'))).toBe('81,8 %');
    expect(sv.measure(235.5, 'points')).toBe('235,5\u00a0poäng');
    expect(plain(sv.measure(1, 'days'))).toBe('1 dag');
    expect(plain(sv.measure(3.5, 'days'))).toBe('3,5 dagar');
    expect(plain(en.measure(3.5, 'days'))).toBe('3.5 days');
    expect(plain(sv.measure(12, 'count'))).toBe('12 st.');
    expect(en.measure(12, 'count')).toBe('12');
    expect(sv.measure(3.2, 'scale')).toBe('3,2');
    expect(sv.measure(undefined, 'points')).toBe('–');
  });

  it('writes dates as "20 jan. 2027" in Swedish and "20 Jan 2027" in English', () => {
    expect(sv.date('2027-01-20')).toBe('20 jan. 2027');
    expect(en.date('2027-01-20')).toBe('20 Jan 2027');
    expect(sv.date('2026-03-15')).toBe('15 mars 2026');
    expect(en.date('2026-03-15')).toBe('15 Mar 2026');
    expect(sv.date('')).toBe('');
    expect(sv.date('not a date')).toBe('not a date');
  });

  it('never moves a calendar date to another day, whatever the time zone', () => {
    for (const timeZone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC']) {
      expect(formatterFor('sv', { timeZone }).date('2027-01-20')).toBe('20 jan. 2027');
    }
  });

  it('shows an instant on its day in the chosen time zone', () => {
    // 23:30 UTC on 31 December is already New Year's Day in Stockholm
    expect(sv.date('2026-12-31T23:30:00Z')).toBe('1 jan. 2027');
    expect(formatterFor('sv', { timeZone: 'UTC' }).date('2026-12-31T23:30:00Z')).toBe('31 dec. 2026');
    expect(sv.time('2026-03-10T13:05:00Z')).toBe('14:05');
  });

  it('writes date ranges with the shared month and year once', () => {
    expect(sv.dateRange('2027-01-20', '2027-01-23')).toBe('20–23 jan. 2027');
    expect(sv.dateRange('2027-01-20', '2027-02-03')).toBe('20 jan.–3 feb. 2027');
    expect(plain(en.dateRange('2027-01-20', '2027-01-23'))).toBe('20 – 23 Jan 2027');
    expect(plain(en.dateRange('2026-12-20', '2027-01-03'))).toBe('20 Dec 2026 – 3 Jan 2027');
  });

  it('names months in each language', () => {
    expect(sv.month(0, 'long')).toBe('januari');
    expect(sv.month(2, 'short')).toBe('mars');
    expect(en.month(8, 'long')).toBe('September');
    expect(en.month(8, 'short')).toBe('Sept');
  });
});

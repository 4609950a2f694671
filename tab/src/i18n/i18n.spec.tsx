import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { vocabulary } from '../../../src/domain/vocabulary';
import { textsIn } from './catalogue';
import * as en from './en';
import { I18nProvider, fill, translator, useI18n } from './i18n';
import type { Language } from './i18n';
import * as sv from './sv';
import type { Texts } from './texts';

/** Intl writes a no-break or thin space between digit groups, before "%" and around a range's dash. */
const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u2009\u202f]/g, ' ');
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the catalogue', () => {
  it('has every key in both languages, none empty, with the same placeholders', () => {
    const swedish = textsIn('sv');
    const english = textsIn('en');
    expect([...english.keys()].sort()).toEqual([...swedish.keys()].sort());
    for (const [key, text] of swedish) {
      const other = english.get(key) ?? '';
      expect(text.length, key).toBeGreaterThan(0);
      expect(other.length, key).toBeGreaterThan(0);
      expect(placeholders(other), key).toEqual(placeholders(text));
    }
  });

  it('holds English to the Swedish keys at compile time', () => {
    const { agenda: _agenda, ...withoutAgenda } = en.meeting;
    // @ts-expect-error an English section without one of the Swedish keys does not compile
    const missing: Texts<typeof sv.meeting> = withoutAgenda;
    // @ts-expect-error nor one with a key Swedish does not have
    const extra: Texts<typeof sv.meeting> = { ...en.meeting, agendaTypo: 'Agenda' };
    expect(Object.keys(missing)).not.toContain('agenda');
    expect(Object.keys(extra)).toContain('agendaTypo');
  });

  it('writes each Swedish text once: the sections share words through common and the vocabulary', () => {
    // The same Swedish word for two things English tells apart: a goal and a target are both "Mål";
    // the app is named for the cycle the unit report's heading names.
    const homonyms = new Set(['Mål', 'Kvalitetshjulet']);
    const seen = new Map<string, string>();
    for (const [group, choices] of Object.entries(vocabulary)) {
      for (const [key, words] of Object.entries(choices)) seen.set(words.sv, `vocab.${group}.${key}`);
    }
    for (const [section, texts] of Object.entries(sv)) {
      for (const [key, text] of Object.entries<string>(texts)) {
        const where = `${section}.${key}`;
        if (!homonyms.has(text)) expect(seen.get(text), `${where} repeats`).toBeUndefined();
        seen.set(text, where);
      }
    }
  });
});

describe('t', () => {
  it('translates a key of a section or of the vocabulary in the chosen language', () => {
    expect(translator('sv')('common.actions')).toBe('Åtgärder');
    expect(translator('en')('common.actions')).toBe('Actions');
    expect(translator('sv')('vocab.analysisStatus.submitted')).toBe('Inlämnad');
    expect(translator('sv')('vocab.term.dueDate')).toBe('Klart senast');
    expect(translator('en')('vocab.meetingType.skaDay')).toBe(vocabulary.meetingType.skaDay.en);
  });

  it('fills placeholders, writing numbers the language\'s way', () => {
    expect(translator('sv')('common.signedInAs', { name: 'Anna' })).toBe('Inloggad som Anna');
    expect(translator('sv')('common.scaleMean', { mean: 3.5 })).toBe('Medel 3,5 av 4');
    expect(translator('en')('common.scaleMean', { mean: 3.5 })).toBe('Mean 3.5 of 4');
    expect(fill('{a} och {b}', { a: 1 })).toBe('1 och {b}');
  });

  it('takes only keys that exist, with exactly their placeholders', () => {
    const t = translator('sv');
    // @ts-expect-error a key that does not exist does not compile
    expect(t('channel.noSuchKey')).toBe('channel.noSuchKey');
    // @ts-expect-error a text with a placeholder needs its value
    expect(t('common.signedInAs')).toBe('Inloggad som {name}');
    // @ts-expect-error and no other
    expect(t('common.signedInAs', { person: 'Anna' })).toBe('Inloggad som {name}');
    // @ts-expect-error a text without placeholders takes no values
    expect(t('common.save', { name: 'Anna' })).toBe('Spara');
  });
});

function Formats() {
  const { format, t } = useI18n();
  return (
    <ul>
      <li data-testid="number">{format.number(81.8)}</li>
      <li data-testid="large">{format.number(12345.5)}</li>
      <li data-testid="percent">{format.percent(81.8)}</li>
      <li data-testid="date">{format.date('2027-01-20')}</li>
      <li data-testid="range">{format.dateRange('2027-01-20', '2027-01-23')}</li>
      <li data-testid="range-months">{format.dateRange('2027-01-20', '2027-02-03')}</li>
      <li data-testid="in-text">{t('organizer.meetingTargetCount', { count: 1200, total: 1500 })}</li>
    </ul>
  );
}

function shown(language: Language) {
  render(<I18nProvider language={language}><Formats /></I18nProvider>);
  const text = (id: string) => plain(screen.getByTestId(id).textContent);
  return { number: text('number'), large: text('large'), percent: text('percent'), date: text('date'), range: text('range'), rangeMonths: text('range-months'), inText: text('in-text') };
}

describe('useI18n().format', () => {
  afterEach(cleanup);

  it('writes Swedish numbers, percentages, dates and date ranges as sv-SE does', () => {
    expect(shown('sv')).toEqual({
      number: '81,8', large: '12 345,5', percent: '81,8 %', date: '20 jan. 2027', range: '20–23 jan. 2027', rangeMonths: '20 jan.–3 feb. 2027',
      inText: '1 200 av 1 500 enheter når målet',
    });
  });

  it('writes English ones as en-GB does', () => {
    expect(shown('en')).toEqual({
      number: '81.8', large: '12,345.5', percent: '81.8%', date: '20 Jan 2027', range: '20 – 23 Jan 2027', rangeMonths: '20 Jan – 3 Feb 2027',
      inText: '1,200 of 1,500 units meet the target',
    });
  });
});

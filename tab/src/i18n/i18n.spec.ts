import { describe, expect, it } from 'vitest';
import { en } from './en';
import { format, languageFromLocale, translator } from './i18n';
import { sv } from './sv';

describe('i18n', () => {
  it('speaks Swedish by default and English for an English Teams locale', () => {
    expect(languageFromLocale(undefined)).toBe('sv');
    expect(languageFromLocale('sv-se')).toBe('sv');
    expect(languageFromLocale('nb-no')).toBe('sv');
    expect(languageFromLocale('en-us')).toBe('en');
    expect(languageFromLocale('EN-GB')).toBe('en');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('Inloggad som {name}', { name: 'Anna' })).toBe('Inloggad som Anna');
    expect(format('{a} och {b}', { a: 1 })).toBe('1 och {b}');
  });

  it('translates with the chosen dictionary', () => {
    expect(translator('sv')('tabActions')).toBe('Åtgärder');
    expect(translator('en')('tabActions')).toBe('Actions');
    expect(translator('sv')('consentButton')).toBe('Godkänn behörighet');
  });

  it('has every key in both languages, none empty, with the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(sv).sort());
    for (const key of Object.keys(sv) as (keyof typeof sv)[]) {
      expect(sv[key].length, key).toBeGreaterThan(0);
      expect(en[key].length, key).toBeGreaterThan(0);
      const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(en[key]), key).toEqual(names(sv[key]));
    }
  });
});

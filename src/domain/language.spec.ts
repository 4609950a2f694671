import { describe, expect, it } from 'vitest';
import { languageOf } from './language';

describe('languageOf', () => {
  it('speaks Swedish by default and English for an English locale', () => {
    expect(languageOf(undefined)).toBe('sv');
    expect(languageOf('sv-se')).toBe('sv');
    expect(languageOf('nb-no')).toBe('sv');
    expect(languageOf('en-us')).toBe('en');
    expect(languageOf('EN-GB')).toBe('en');
  });
});

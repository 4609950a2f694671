import { createContext, useContext, useMemo } from 'react';
import type { ReactNode } from 'react';
import { formatterFor } from '../../../src/domain/format';
import type { Formatter } from '../../../src/domain/format';
import type { Language } from '../../../src/domain/language';
import { textsIn } from './catalogue';
import type { MessageKey, ValuesOf } from './catalogue';

export type { Language } from '../../../src/domain/language';
export type { MessageKey } from './catalogue';

const swedish = formatterFor('sv');

/** Translates a key of the catalogue, filling its `{placeholders}` with the values it must have. */
export type Translate = <K extends MessageKey>(key: K, ...values: ValuesOf<K>) => string;

/**
 * Fills `{name}` placeholders; a number passes the formatter, so it is written the user's way.
 * An unknown placeholder stays visible, so a missing value is noticed.
 */
export function fill(template: string, values: Readonly<Record<string, string | number>> = {}, format: Pick<Formatter, 'number'> = swedish): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? format.number(value) : value;
  });
}

const translators = new Map<Language, Translate>();

/** The translator for one language, usable outside React. */
export function translator(language: Language): Translate {
  const known = translators.get(language);
  if (known) return known;
  const texts = textsIn(language);
  const format = formatterFor(language);
  const translate: Translate = (key, ...values) => fill(texts.get(key) ?? key, values[0], format);
  translators.set(language, translate);
  return translate;
}

/** What a view needs to speak the user's language: the language, `t`, and the formatter. */
export interface I18n {
  readonly language: Language;
  readonly t: Translate;
  readonly format: Formatter;
}

/** The language, its translator and its formatter, outside React. */
export function i18nIn(language: Language): I18n {
  return { language, t: translator(language), format: formatterFor(language) };
}

const I18nContext = createContext<I18n>(i18nIn('sv'));

/** Provides the language to the views below it. */
export function I18nProvider({ language, children }: { language: Language; children: ReactNode }) {
  const value = useMemo(() => i18nIn(language), [language]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language, its translator and its formatter: the tab's one hook for words and numbers. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}

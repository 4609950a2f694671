import { createContext, useContext, useMemo } from 'react';
import type { ReactNode } from 'react';
import { sv } from './sv';
import type { MessageKey, Messages } from './sv';
import { en } from './en';

/** The languages the tab speaks. */
export type Language = 'sv' | 'en';

/** Translates a key, filling `{name}` placeholders from `values`. */
export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

const dictionaries: Record<Language, Messages> = { sv, en };

/** Swedish unless the locale (e.g. Teams' `en-us`) names another language we have. */
export function languageFromLocale(locale: string | undefined): Language {
  const tag = (locale ?? '').toLowerCase();
  return tag.startsWith('en') ? 'en' : 'sv';
}

/** Fills `{name}` placeholders; unknown placeholders stay visible so a missing value is noticed. */
export function format(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** A translator for one language, usable outside React. */
export function translator(language: Language): Translate {
  const messages = dictionaries[language];
  return (key, values) => format(messages[key], values);
}

const I18nContext = createContext<{ language: Language; t: Translate }>({ language: 'sv', t: translator('sv') });

/** Provides the language to the views below it. */
export function I18nProvider({ language, children }: { language: Language; children: ReactNode }) {
  const value = useMemo(() => ({ language, t: translator(language) }), [language]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language and its translator. */
export function useI18n(): { language: Language; t: Translate } {
  return useContext(I18nContext);
}

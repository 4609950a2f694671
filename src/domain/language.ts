/** The product's languages: Swedish first, English second. */
export const languages = ['sv', 'en'] as const;
export type Language = (typeof languages)[number];

/** A word or phrase in each of the product's languages. */
export type Words = Readonly<Record<Language, string>>;

/** Swedish unless the locale (Teams' `en-us`, a card's `en-GB`) names English. */
export function languageOf(locale: string | undefined): Language {
  return (locale ?? '').toLowerCase().startsWith('en') ? 'en' : 'sv';
}

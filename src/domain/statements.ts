/**
 * The public statements a municipality publishes for the app: privacy (personuppgifter), terms of
 * use and accessibility (tillgänglighetsredogörelse). Their addresses are stable and need no
 * sign-in: the server serves them, the app manifest and the tab link to them.
 */
import type { Language, Words } from './language';

export const statementKeys = ['privacy', 'terms', 'accessibility'] as const;
export type StatementKey = (typeof statementKeys)[number];

export const statementPaths: Readonly<Record<StatementKey, string>> = {
  privacy: '/privacy',
  terms: '/terms',
  accessibility: '/accessibility',
};

/** The address of a statement in a language: Swedish at the bare path, English with ?lang=en. */
export function statementHref(key: StatementKey, lang: Language): string {
  return lang === 'sv' ? statementPaths[key] : `${statementPaths[key]}?lang=en`;
}

/** Each statement's name, as the pages' menu and the tab's footer show it. */
export const statementNames: Readonly<Record<StatementKey, Words>> = {
  privacy: { sv: 'Personuppgifter', en: 'Privacy' },
  terms: { sv: 'Användarvillkor', en: 'Terms of use' },
  accessibility: { sv: 'Tillgänglighet', en: 'Accessibility' },
};

/** The name of the menu that links the statements. */
export const statementsMenuName: Words = { sv: 'Om tjänsten', en: 'About the service' };

/**
 * The tab's one message catalogue: the domain's vocabulary (from src/domain, so the bot's cards and
 * the reports use the same words), then the sections common, channel, organizer and meeting.
 * A key names its section: 'common.save', 'channel.tabOverview', 'vocab.actionStatus.done'.
 * Swedish is the source: its literal texts type each key's `{placeholders}`; English must have
 * exactly the same keys (the compiler holds it to them).
 */
import type { Language } from '../../../src/domain/language';
import { vocabulary } from '../../../src/domain/vocabulary';
import type { Vocabulary, VocabularyGroup } from '../../../src/domain/vocabulary';
import * as en from './en';
import * as sv from './sv';
import type { Texts } from './texts';

type Sections = typeof sv;
type Catalogue = { readonly [S in keyof Sections]: Texts<Sections[S]> };

const catalogues: Readonly<Record<Language, Catalogue>> = { sv, en };

type SectionKey = { [S in keyof Sections]: `${S}.${keyof Sections[S] & string}` }[keyof Sections];
type VocabularyKey = { [G in VocabularyGroup]: `vocab.${G}.${keyof Vocabulary[G] & string}` }[VocabularyGroup];

/** Every key of the catalogue; a key that does not exist does not compile. */
export type MessageKey = SectionKey | VocabularyKey;

/** The Swedish text of a key (vocabulary words have no placeholders). */
type TemplateOf<K> = K extends `${infer S extends keyof Sections}.${infer M}` ? (M extends keyof Sections[S] ? Sections[S][M] : never) : never;
type Placeholders<T> = T extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;

/** What `t` takes after the key: nothing for a text without placeholders, else a value for each one. */
export type ValuesOf<K extends MessageKey> = [Placeholders<TemplateOf<K>>] extends [never]
  ? []
  : [values: { readonly [P in Placeholders<TemplateOf<K>>]: string | number }];

/** Every text of a language by its key, the vocabulary's words included. */
export function textsIn(language: Language): ReadonlyMap<string, string> {
  const texts = new Map<string, string>();
  for (const [section, entries] of Object.entries(catalogues[language])) {
    for (const [key, text] of Object.entries<string>(entries)) texts.set(`${section}.${key}`, text);
  }
  for (const [group, choices] of Object.entries(vocabulary)) {
    for (const [key, words] of Object.entries(choices)) texts.set(`vocab.${group}.${key}`, words[language]);
  }
  return texts;
}

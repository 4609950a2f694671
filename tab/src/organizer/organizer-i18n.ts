import { useMemo } from 'react';
import { format, useI18n } from '../i18n/i18n';
import type { Language } from '../i18n/i18n';
import { organizerEn } from './messages-en';
import { organizerSv } from './messages-sv';
import type { OrganizerMessageKey, OrganizerMessages } from './messages-sv';

/** Translates an organizer key, filling `{name}` placeholders. */
export type OrganizerTranslate = (key: OrganizerMessageKey, values?: Record<string, string | number>) => string;

const dictionaries: Record<Language, OrganizerMessages> = { sv: organizerSv, en: organizerEn };

/** A translator for the organizer views in one language. */
export function organizerTranslator(language: Language): OrganizerTranslate {
  const messages = dictionaries[language];
  return (key, values) => format(messages[key], values);
}

/**
 * The organizer's strings in the tab's current language. They live in their own dictionary so
 * the organizer views can grow without touching the channel tab's.
 */
export function useOrganizerText(): { language: Language; t: OrganizerTranslate } {
  const { language } = useI18n();
  const t = useMemo(() => organizerTranslator(language), [language]);
  return { language, t };
}

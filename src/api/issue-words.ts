/**
 * What is wrong with a field, in words a person understands, in Swedish and English, from a zod
 * issue: the domain's own message where a schema gave one (src/domain/messages.ts), otherwise a
 * phrase for the kind of issue ("måste fyllas i", "får vara högst 255 tecken").
 */
import type { z } from 'zod';
import { isPersonalIdentityIssue, ruleMessages, ruleWords, type Language, type Words } from '../domain';

type Issue = z.core.$ZodIssue;

const phrases = {
  required: { sv: 'måste fyllas i', en: 'is required' },
  wrongType: { sv: 'har fel form', en: 'has the wrong form' },
  notAChoice: { sv: 'är inget av de värden som går att välja', en: 'is not one of the values to choose from' },
  unknownField: { sv: 'tas inte emot här', en: 'is not accepted here' },
  notADate: { sv: 'ska vara ett datum som 2027-01-31', en: 'must be a date such as 2027-01-31' },
  notATime: { sv: 'ska vara en tidpunkt som 2027-01-31T09:00:00Z', en: 'must be a time such as 2027-01-31T09:00:00Z' },
  notAnId: { sv: 'är inget giltigt id', en: 'is not a valid id' },
  notAnEmail: { sv: 'ska vara en e-postadress', en: 'must be an e-mail address' },
  badFormat: { sv: 'är inte skrivet som det ska', en: 'is not written as it should be' },
  invalid: { sv: 'är inte giltigt', en: 'is not valid' },
} as const satisfies Record<string, Words>;

function sized(origin: string, bound: 'min' | 'max', limit: number | bigint, language: Language): string {
  const n = String(limit);
  if (origin === 'string') {
    if (bound === 'min') return language === 'sv' ? `ska ha minst ${n} tecken` : `must have at least ${n} characters`;
    return language === 'sv' ? `får ha högst ${n} tecken` : `may have at most ${n} characters`;
  }
  if (origin === 'array' || origin === 'set') {
    if (bound === 'min') return language === 'sv' ? `ska ha minst ${n}` : `must have at least ${n}`;
    return language === 'sv' ? `får ha högst ${n}` : `may have at most ${n}`;
  }
  if (bound === 'min') return language === 'sv' ? `ska vara minst ${n}` : `must be at least ${n}`;
  return language === 'sv' ? `får vara högst ${n}` : `may be at most ${n}`;
}

function phrase(issue: Issue, language: Language): string {
  switch (issue.code) {
    case 'invalid_type':
      return (issue.input === undefined ? phrases.required : phrases.wrongType)[language];
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return phrases.required[language];
      return sized(issue.origin, 'min', issue.minimum, language);
    case 'too_big':
      return sized(issue.origin, 'max', issue.maximum, language);
    case 'invalid_value':
      return phrases.notAChoice[language];
    case 'unrecognized_keys':
      return phrases.unknownField[language];
    case 'invalid_format': {
      const own = ruleWords(issue.message);
      if (own) return own[language];
      if (issue.format === 'date') return phrases.notADate[language];
      if (issue.format === 'datetime') return phrases.notATime[language];
      if (issue.format === 'guid' || issue.format === 'uuid') return phrases.notAnId[language];
      if (issue.format === 'email') return phrases.notAnEmail[language];
      return phrases.badFormat[language];
    }
    default: {
      if (isPersonalIdentityIssue(issue)) return ruleMessages.personalIdentity[language];
      // a refinement's own words: in both languages when the domain has them, else as written
      return ruleWords(issue.message)?.[language] ?? (issue.message || phrases.invalid[language]);
    }
  }
}

/** What is wrong, in both languages. */
export function issueWords(issue: Issue): Words {
  return { sv: phrase(issue, 'sv'), en: phrase(issue, 'en') };
}

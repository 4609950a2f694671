/**
 * The domain's own words for a value it refuses, in each language. A schema carries the Swedish
 * one (the domain speaks Swedish first); `ruleWords` finds the others, so the API can answer an
 * English request in English.
 */
import type { Words } from './language';
import { personalIdentityMessage } from './text';

export const ruleMessages = {
  itemId: { sv: 'ett id är ett heltal', en: 'an id is a whole number' },
  schoolYear: { sv: 'läsår skrivs som 2025/26', en: 'a school year is written as 2025/26' },
  schoolYearOrder: { sv: 'läsårets två år ska följa på varandra', en: 'the two years of a school year follow each other' },
  period: { sv: 'period skrivs som 2025/26, 2025/26 HT, 2025/26 VT eller en månad i läsåret som 2025/26 2025-10', en: 'a period is written as 2025/26, 2025/26 HT, 2025/26 VT or a month of the school year such as 2025/26 2025-10' },
  pupilsCounted: { sv: 'elever, barn och vårdnadshavare räknas, de namnges aldrig', en: 'pupils, children and guardians are counted, never named' },
  countParticipants: { sv: 'ange hur många som deltog', en: 'say how many took part' },
  nameParticipant: { sv: 'ange vem som deltog', en: 'say who took part' },
  schoolUnitCode: { sv: 'skolenhetskoden har 8 siffror', en: 'the school unit code has 8 digits' },
  koladaKpi: { sv: 'Kolada-KPI skrivs som en bokstav (N eller U) och fem siffror, t.ex. N15419', en: 'a Kolada KPI is written as a letter (N or U) and five digits, e.g. N15419' },
  groupsOnce: { sv: 'varje grupp finns en gång', en: 'each group is named once' },
  groupNamed: { sv: 'gruppen behöver ett namn', en: 'the group needs a name' },
  groupsAtMost: { sv: 'högst 12 grupper', en: 'at most 12 groups' },
  importColumnNamed: { sv: 'kolumnrubriken är tom', en: 'the column heading is empty' },
  importColumnsAtMost: { sv: 'högst 20 kolumnrubriker', en: 'at most 20 column headings' },
  importColumnsOnce: { sv: 'varje kolumnrubrik finns en gång', en: 'each column heading is named once' },
  unitGoalHasUnit: { sv: 'ett enhetsmål hör till en enhet', en: 'a unit goal belongs to a unit' },
  organizerGoalHasNoUnit: { sv: 'huvudmannens mål och fokusområden hör inte till en enhet', en: 'the organizer\'s goals and areas belong to no unit' },
  koladaUnitId: { sv: 'Koladas enhets-id skrivs som V15E144001301', en: 'a Kolada unit id is written as V15E144001301' },
  personalIdentity: {
    sv: personalIdentityMessage,
    en: 'The text contains a personal identity number. Kvalitetshjulet must not hold information about individual pupils.',
  },
} as const satisfies Record<string, Words>;

const bySwedish: ReadonlyMap<string, Words> = new Map(Object.values(ruleMessages).map((words) => [words.sv, words]));

/** A refused value's message (the Swedish one a schema carries) in every language, if it is one of the table's. */
export function ruleWords(message: string): Words | undefined {
  return bySwedish.get(message);
}

/**
 * The labels of the fields a request carries, per resource, in Swedish and English: a problem
 * names the field a person can find in the form ("Skolenhetskod", "Fråga 1 – på svenska"), never
 * its code name ("schoolUnitCode", "questions.0.sv"). The domain's words come from its vocabulary.
 */
import { vocabulary, type Language, type Words } from '../domain';

const { term, question } = vocabulary;

/** Field names that mean the same wherever they stand. */
const common: Readonly<Record<string, Words>> = {
  title: { sv: 'Rubrik', en: 'Title' },
  name: { sv: 'Namn', en: 'Name' },
  description: { sv: 'Beskrivning', en: 'Description' },
  status: { sv: 'Status', en: 'Status' },
  unitId: { sv: 'Enhet', en: 'Unit' },
  schoolYear: { sv: 'Läsår', en: 'School year' },
  period: { sv: 'Period', en: 'Period' },
  ownerId: term.owner,
  ownerName: { sv: 'Ansvarigs namn', en: 'Owner\'s name' },
  dueDate: term.dueDate,
  startDate: term.startDate,
  comment: term.comment,
  comments: term.comment,
  originKind: { sv: 'Vad åtgärden utgår från', en: 'What the action comes from' },
  originId: { sv: 'Vad åtgärden utgår från', en: 'What the action comes from' },
  goalId: { sv: 'Mål', en: 'Goal' },
  goalIds: { sv: 'Mål', en: 'Goals' },
  parentGoalId: { sv: 'Huvudmannens mål', en: 'The organizer\'s goal' },
  focusArea: { sv: 'Fokusområde', en: 'Focus area' },
  level: { sv: 'Nivå', en: 'Level' },
  meetingId: { sv: 'Möte', en: 'Meeting' },
  analysisId: { sv: 'Analys', en: 'Analysis' },
  indicatorId: { sv: 'Indikator', en: 'Indicator' },
  measurementIds: { sv: 'Resultat', en: 'Results' },
  followUp: question.followUp,
  causes: question.causes,
  approach: question.approach,
  evaluation: question.evaluation,
  strengths: term.strengths,
  areasToDevelop: term.areasToDevelop,
  participants: term.participants,
  participant: term.participants,
  role: { sv: 'Roll', en: 'Role' },
  userId: { sv: 'Person', en: 'Person' },
  displayName: { sv: 'Namn', en: 'Name' },
  count: { sv: 'Antal', en: 'Number' },
  source: { sv: 'Källa', en: 'Source' },
  foundOn: { sv: 'Upptäckt', en: 'Found on' },
  deadline: { sv: 'Åtgärdas senast', en: 'Deadline' },
  closedOn: { sv: 'Stängd', en: 'Closed on' },
  startsAt: { sv: 'Börjar', en: 'Starts' },
  endedAt: { sv: 'Slutade', en: 'Ended' },
  startedAt: { sv: 'Startade', en: 'Started' },
  agenda: { sv: 'Dagordning', en: 'Agenda' },
  notes: { sv: 'Anteckningar', en: 'Notes' },
  decisions: { sv: 'Beslut', en: 'Decisions' },
  text: { sv: 'Text', en: 'Text' },
  meetingType: { sv: 'Mötestyp', en: 'Meeting type' },
  teamsMeetingId: { sv: 'Teams-mötet', en: 'The Teams meeting' },
  chatId: { sv: 'Mötets chatt', en: 'The meeting chat' },
  yearWheelActivityId: { sv: 'Årshjulets aktivitet', en: 'Year wheel activity' },
  questions: { sv: 'Fråga', en: 'Question' },
  beforeQuestions: { sv: 'Fråga inför mötet', en: 'Question before the meeting' },
  attendees: { sv: 'Deltog i Teams-mötet', en: 'Joined the Teams meeting' },
  questionId: { sv: 'Fråga', en: 'Question' },
  answers: { sv: 'Svar', en: 'Answer' },
  scale: { sv: 'Skala', en: 'Scale' },
  sv: { sv: 'på svenska', en: 'in Swedish' },
  en: { sv: 'på engelska', en: 'in English' },
  kind: { sv: 'Typ', en: 'Kind' },
  date: { sv: 'Datum', en: 'Date' },
  remindDaysBefore: { sv: 'Påminn antal dagar före', en: 'Remind days before' },
  value: { sv: 'Värde', en: 'Value' },
  groups: { sv: 'Grupp', en: 'Group' },
  group: { sv: 'Grupp', en: 'Group' },
  version: { sv: 'Version', en: 'Version' },
  unitOfMeasure: { sv: 'Måttenhet', en: 'Unit of measure' },
  target: { sv: 'Målvärde', en: 'Target' },
  koladaKpi: { sv: 'Kolada-KPI', en: 'Kolada KPI' },
  importColumns: { sv: 'Kolumnrubriker i importerade filer', en: 'Column headings in imported files' },
  schoolUnitCode: term.schoolUnitCode,
  principalIds: term.principals,
  staffGroupId: term.staffGroup,
  koladaId: term.koladaUnitId,
  teamId: { sv: 'Team', en: 'Team' },
  channelId: { sv: 'Kanal', en: 'Channel' },
  csv: { sv: 'Fil', en: 'File' },
  top: { sv: 'Antal per sida', en: 'Items per page' },
  pageToken: { sv: 'Sidmarkör', en: 'Page marker' },
  search: { sv: 'Sökord', en: 'Search text' },
  filter: { sv: 'Urval', en: 'Filter' },
  ids: { sv: 'Id', en: 'Ids' },
  archived: { sv: 'Arkiverade enheter', en: 'Archived units' },
  'If-Match': { sv: 'Version (If-Match)', en: 'Version (If-Match)' },
  'Idempotency-Key': { sv: 'Idempotency-Key', en: 'Idempotency-Key' },
};

/** Where a field means something else in one resource than elsewhere; keyed by the route's static path segments. */
const byResource: Readonly<Record<string, Readonly<Record<string, Words>>>> = {
  units: { name: { sv: 'Enhetens namn', en: 'The unit\'s name' }, type: term.unitType },
  'unit-imports': {
    source: { sv: 'Registrets uppgifter', en: 'The register\'s data' },
    json: { sv: 'Fil från skolenhetsregistret', en: 'File from the school-unit register' },
    municipalityCode: { sv: 'Kommunkod', en: 'Municipality code' },
    defaultType: { sv: 'Skolform för enheter utan skolform', en: 'School form of units without one' },
    includeInactive: { sv: 'Ta med vilande och planerade enheter', en: 'Include dormant and planned units' },
  },
  analyses: { direction: question.direction },
  indicators: { direction: { sv: 'Vilket håll som är bättre', en: 'Which way is better' } },
  meetings: { type: { sv: 'Mötestyp', en: 'Meeting type' } },
  link: { type: { sv: 'Mötestyp', en: 'Meeting type' } },
  feedback: { text: { sv: 'Återkoppling', en: 'Feedback' } },
  decisions: { text: { sv: 'Beslut', en: 'Decision' } },
  'year-wheel': { kind: { sv: 'Aktivitet', en: 'Activity' } },
  'follow-up-templates': { kind: { sv: 'Svarstyp', en: 'Kind of answer' } },
  imports: { kind: { sv: 'Filens format', en: 'The file\'s format' }, period: { sv: 'Läsår (för filer utan läsårskolumn)', en: 'School year (for files without one)' } },
};

/** The resources a route path speaks of, the most specific first: '/units/:unitId/actions' → actions, units. */
export function resourcesOf(routePath: string | undefined): string[] {
  return (routePath ?? '').split('/').filter((segment) => segment !== '' && !segment.startsWith(':')).reverse();
}

function segmentLabel(name: string, resources: readonly string[], language: Language): string | undefined {
  for (const resource of resources) {
    const words = byResource[resource]?.[name];
    if (words) return words[language];
  }
  return common[name]?.[language];
}

/**
 * A field's label for people: each name of its path by its label, a list's position counted from 1
 * ("Deltagare 2 – Antal", "Fråga 1 – på svenska"). A name the table does not have (a field the API
 * does not take at all) is quoted as it was sent.
 */
export function fieldLabel(field: string, resources: readonly string[], language: Language): string {
  const parts: string[] = [];
  for (const segment of field.split('.')) {
    if (/^\d+$/.test(segment) && parts.length > 0) {
      parts[parts.length - 1] = `${parts[parts.length - 1] ?? ''} ${Number(segment) + 1}`;
      continue;
    }
    parts.push(segmentLabel(segment, resources, language) ?? (language === 'sv' ? `Fältet "${segment}"` : `The field "${segment}"`));
  }
  return parts.join(' – ');
}

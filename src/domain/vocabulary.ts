/**
 * The domain's vocabulary: one word, in Swedish and English, for each of the domain's choices (the
 * phases and their questions, the statuses, meeting types, activity kinds, roles, sources and
 * units) and for the few terms every surface shows (owner, due date, ...). The tab's message
 * catalogue, the bot's cards and both .docx reports take their words from here, so a user never
 * sees two words for one thing. Where two lists share a word, the second refers to the first.
 */
import type {
  ActionStatus, ActivityKind, AnalysisQuestion, AnalysisStatus, DeficiencySource, DeficiencyStatus, Direction, GoalLevel, IndicatorSource,
  MeetingType, OriginKind, ParticipantRole, Phase, PhaseState, QuestionKind, UnitOfMeasure, UnitRole, UnitType,
} from './choices';
import type { Formatter } from './format';
import { parsePeriod, type PeriodKind, type Term } from './period';
import type { Language, Words } from './language';

const phase = {
  followUp: { sv: 'Uppföljning', en: 'Follow-up' },
  analysis: { sv: 'Analys', en: 'Analysis' },
  planning: { sv: 'Planering', en: 'Planning' },
  implementation: { sv: 'Genomförande', en: 'Implementation' },
} satisfies Record<Phase, Words>;

const phaseState = {
  notStarted: { sv: 'Ej påbörjad', en: 'Not started' },
  inProgress: { sv: 'Pågår', en: 'In progress' },
  done: { sv: 'Klar', en: 'Done' },
} satisfies Record<PhaseState, Words>;

/** The questions of the cycle (Skolverket's wheel), by the analysis field that answers each. */
const question = {
  followUp: { sv: 'Var är vi?', en: 'Where are we?' },
  causes: { sv: 'Varför blev det som det blev när vi gjorde som vi gjorde?', en: 'Why did it turn out as it did when we did what we did?' },
  direction: { sv: 'Vart ska vi?', en: 'Where are we going?' },
  approach: { sv: 'Hur gör vi?', en: 'How do we get there?' },
  evaluation: { sv: 'Hur blev det?', en: 'How did it go?' },
} satisfies Record<AnalysisQuestion, Words>;

const meetingType = {
  resultsConference: { sv: 'Resultatkonferens', en: 'Results conference' },
  skaDay: { sv: 'SKA-dag', en: 'SKA day' },
  dialogueDay: { sv: 'Dialogdag', en: 'Dialogue day' },
  qualityDialogue: { sv: 'Kvalitetsdialog', en: 'Quality dialogue' },
  workshop: { sv: 'Workshop', en: 'Workshop' },
} satisfies Record<MeetingType, Words>;

const role = {
  administration: { sv: 'Förvaltningen', en: 'Administration' },
  board: { sv: 'Nämnden', en: 'Board' },
  principal: { sv: 'Rektor', en: 'Principal' },
  staff: { sv: 'Personal', en: 'Staff' },
} satisfies Record<UnitRole, Words>;

const other = { sv: 'Annat', en: 'Other' } satisfies Words;
const inspection = { sv: 'Skolinspektionen', en: 'Schools Inspectorate' } satisfies Words;
const scale = { sv: 'Skala 1–4', en: 'Scale 1–4' } satisfies Words;

export const vocabulary = {
  phase,
  phaseState,
  question,
  actionStatus: {
    planned: { sv: 'Planerad', en: 'Planned' },
    inProgress: phaseState.inProgress,
    done: phaseState.done,
    cancelled: { sv: 'Avbruten', en: 'Cancelled' },
  } satisfies Record<ActionStatus, Words>,
  originKind: {
    analysis: phase.analysis,
    meeting: { sv: 'Möte', en: 'Meeting' },
    deficiency: { sv: 'Brist', en: 'Deficiency' },
  } satisfies Record<OriginKind, Words>,
  analysisStatus: {
    draft: { sv: 'Utkast', en: 'Draft' },
    submitted: { sv: 'Inlämnad', en: 'Submitted' },
    feedbackGiven: { sv: 'Återkoppling given', en: 'Feedback given' },
  } satisfies Record<AnalysisStatus, Words>,
  deficiencyStatus: {
    open: { sv: 'Öppen', en: 'Open' },
    closed: { sv: 'Åtgärdad', en: 'Resolved' },
  } satisfies Record<DeficiencyStatus, Words>,
  deficiencySource: {
    indicator: { sv: 'Egen uppföljning', en: 'Own follow-up' },
    complaint: { sv: 'Klagomål', en: 'Complaint' },
    krankning: { sv: 'Kränkning', en: 'Abusive treatment' },
    inspection,
    other,
  } satisfies Record<DeficiencySource, Words>,
  meetingType,
  activityKind: {
    ...meetingType,
    reportDeadline: { sv: 'Sista dag för rapport', en: 'Report deadline' },
    dataCollection: { sv: 'Insamling av resultat', en: 'Collecting results' },
    other,
  } satisfies Record<ActivityKind, Words>,
  role,
  participantRole: {
    principal: role.principal,
    teacher: { sv: 'Lärare', en: 'Teacher' },
    staff: { sv: 'Övrig personal', en: 'Other staff' },
    administration: role.administration,
    board: role.board,
    pupils: { sv: 'Elever', en: 'Pupils' },
    children: { sv: 'Barn', en: 'Children' },
    guardians: { sv: 'Vårdnadshavare', en: 'Guardians' },
  } satisfies Record<ParticipantRole, Words>,
  indicatorSource: {
    grades: { sv: 'Betyg', en: 'Grades' },
    meritValue: { sv: 'Meritvärde', en: 'Merit value' },
    eligibility: { sv: 'Behörighet', en: 'Eligibility' },
    nationalTests: { sv: 'Nationella prov', en: 'National tests' },
    attendance: { sv: 'Närvaro', en: 'Attendance' },
    krankningar: { sv: 'Anmälda kränkningar', en: 'Reported abusive treatment' },
    complaints: { sv: 'Klagomål', en: 'Complaints' },
    skolinspektionen: inspection,
    survey: { sv: 'Enkät', en: 'Survey' },
    skolenkaten: { sv: 'Skolenkäten', en: 'Skolenkäten (school survey)' },
    qualityVisit: { sv: 'Kvalitetsbesök', en: 'Quality visit' },
    employment: { sv: 'Sysselsättning efter utbildningen', en: 'Employment afterwards' },
    other,
  } satisfies Record<IndicatorSource, Words>,
  unitOfMeasure: {
    percent: { sv: 'Procent', en: 'Percent' },
    points: { sv: 'Poäng', en: 'Points' },
    count: { sv: 'Antal', en: 'Count' },
    scale,
    days: { sv: 'Dagar', en: 'Days' },
  } satisfies Record<UnitOfMeasure, Words>,
  unitType: {
    förskola: { sv: 'Förskola', en: 'Preschool' },
    grundskola: { sv: 'Grundskola', en: 'Compulsory school' },
    anpassadGrundskola: { sv: 'Anpassad grundskola', en: 'Adapted compulsory school' },
    gymnasieskola: { sv: 'Gymnasieskola', en: 'Upper secondary school' },
    anpassadGymnasieskola: { sv: 'Anpassad gymnasieskola', en: 'Adapted upper secondary school' },
    vuxenutbildning: { sv: 'Vuxenutbildning', en: 'Adult education' },
    fritidshem: { sv: 'Fritidshem', en: 'School-age educare' },
  } satisfies Record<UnitType, Words>,
  questionKind: {
    text: { sv: 'Fritext', en: 'Free text' },
    scale,
  } satisfies Record<QuestionKind, Words>,
  direction: {
    higherIsBetter: { sv: 'Högre är bättre', en: 'Higher is better' },
    lowerIsBetter: { sv: 'Lägre är bättre', en: 'Lower is better' },
  } satisfies Record<Direction, Words>,
  goalLevel: {
    organizer: { sv: 'Nämndmål', en: 'Board goal' },
    focusArea: { sv: 'Fokusområde', en: 'Focus area' },
    unit: { sv: 'Enhetens mål', en: 'Unit goal' },
  } satisfies Record<GoalLevel, Words>,
  periodKind: {
    schoolYear: { sv: 'Hela läsåret', en: 'Whole school year' },
    term: { sv: 'Termin', en: 'Term' },
    month: { sv: 'Månad', en: 'Month' },
  } satisfies Record<PeriodKind, Words>,
  /** The terms as periods name them: "HT 2025", "Autumn 2025". */
  schoolTerm: {
    HT: { sv: 'HT', en: 'Autumn' },
    VT: { sv: 'VT', en: 'Spring' },
  } satisfies Record<Term, Words>,
  /** Terms every surface shows: the tab, the bot's cards and the reports. */
  term: {
    owner: { sv: 'Ansvarig', en: 'Owner' },
    dueDate: { sv: 'Klart senast', en: 'Due date' },
    startDate: { sv: 'Startar', en: 'Starts' },
    comment: { sv: 'Kommentar', en: 'Comment' },
    comments: { sv: 'Kommentarer', en: 'Comments' },
    origin: { sv: 'Utgår från', en: 'Comes from' },
    overdue: { sv: 'Försenad', en: 'Overdue' },
    strengths: { sv: 'Styrkor', en: 'Strengths' },
    areasToDevelop: { sv: 'Utvecklingsområden', en: 'Areas to develop' },
    participants: { sv: 'Deltagare', en: 'Participants' },
    schoolUnitCode: { sv: 'Skolenhetskod', en: 'School unit code' },
    koladaUnitId: { sv: 'Koladas enhets-id', en: 'Kolada unit id' },
    unitType: { sv: 'Skolform', en: 'School form' },
    principals: { sv: 'Rektorer', en: 'Principals' },
    staffGroup: { sv: 'Personalgrupp', en: 'Staff group' },
    noAnalysis: { sv: 'Ingen analys', en: 'No analysis' },
    foundOn: { sv: 'Upptäckt', en: 'Found' },
    deadline: { sv: 'Sista dag', en: 'Deadline' },
    caseNumber: { sv: 'Diarienummer', en: 'Case number' },
    withoutAction: { sv: 'Saknar åtgärd', en: 'No action yet' },
    pastDeadline: { sv: 'Sista dagen har passerat', en: 'Past its deadline' },
  },
} as const satisfies Record<string, Record<string, Words>>;

export type Vocabulary = typeof vocabulary;
/** A list of the vocabulary: 'actionStatus', 'meetingType', ... */
export type VocabularyGroup = keyof Vocabulary;

/** The question each phase of Skolverket's wheel answers (DOMAIN.md); planning asks two. */
export const phaseQuestions: Readonly<Record<Phase, readonly AnalysisQuestion[]>> = {
  followUp: ['followUp'],
  analysis: ['causes'],
  planning: ['direction', 'approach'],
  implementation: ['evaluation'],
};

/** A phase's question in a language: "Vart ska vi? Hur gör vi?" for planning. */
export function phaseQuestionOf(phase: Phase, language: Language): string {
  return phaseQuestions[phase].map((q) => vocabulary.question[q][language]).join(' ');
}

/** An action's due date as every surface writes it: "Klart senast: 20 jan. 2027". */
export function dueDateLine(dueDate: string, format: Pick<Formatter, 'language' | 'date'>): string {
  return `${vocabulary.term.dueDate[format.language]}: ${format.date(dueDate)}`;
}

/**
 * A period as people read it: the school year as written ("2025/26"), a term with its calendar
 * year ("HT 2025", "Autumn 2025"), a month by its short name ("okt. 2025", "Oct 2025").
 */
export function periodLabel(period: string, format: Pick<Formatter, 'language' | 'month'>): string {
  const parsed = parsePeriod(period);
  if (!parsed || parsed.kind === 'schoolYear') return period;
  const start = Number(period.slice(0, 4));
  if (parsed.term) return `${vocabulary.schoolTerm[parsed.term][format.language]} ${parsed.term === 'HT' ? start : start + 1}`;
  const month = parsed.month ?? '';
  return `${format.month(Number(month.slice(5)) - 1, 'short')} ${month.slice(0, 4)}`;
}

import { PERSONA_USER_IDS, STAFF_GROUP_IDS } from '../auth/personas';
import type { IndicatorSource, MeetingType, UnitType } from '../domain';

/**
 * The fictional municipality of local mode: its units, people and indicators. Every person and
 * school here is made up; the ids of the people match the dev identity provider's personas.
 */
export const demoPeople = {
  admin: { id: PERSONA_USER_IDS.admin, name: 'Anna Lindqvist' },
  principalBjork: { id: PERSONA_USER_IDS.principalBjork, name: 'Cecilia Ek' },
  principalLind: { id: PERSONA_USER_IDS.principalLind, name: 'David Sjöberg' },
  staffBjork: { id: PERSONA_USER_IDS.staffBjork, name: 'Elin Berg' },
  staffLind: { id: PERSONA_USER_IDS.staffLind, name: 'Farid Haddad' },
  staffEkbacken: { id: PERSONA_USER_IDS.staffEkbacken, name: 'Greta Nyström' },
  principalEkbacken: { id: '1a000000-0000-4000-8000-000000000008', name: 'Hanna Vik' },
  principalTallasen: { id: '1a000000-0000-4000-8000-000000000009', name: 'Ivar Lund' },
  principalVux: { id: '1a000000-0000-4000-8000-00000000000a', name: 'Johanna Åberg' },
  staffTallasen: { id: '1a000000-0000-4000-8000-00000000000b', name: 'Karin Strand' },
} as const;

export type DemoUnitKey = 'bjorkskolan' | 'bjorkFritids' | 'lindgymnasiet' | 'ekbacken' | 'tallasen' | 'vux';

export interface DemoUnit {
  readonly key: DemoUnitKey;
  readonly name: string;
  readonly type: UnitType;
  readonly schoolUnitCode: string;
  readonly principal: { readonly id: string; readonly name: string };
  readonly staffGroupId?: string;
  /** a staff member who owns actions */
  readonly staff: { readonly id: string; readonly name: string };
  /** the indicators the unit is followed up on */
  readonly indicators: readonly DemoIndicatorKey[];
}

export const demoUnits: readonly DemoUnit[] = [
  { key: 'bjorkskolan', name: 'Björkskolan F–6', type: 'grundskola', schoolUnitCode: '91234501', principal: demoPeople.principalBjork,
    staffGroupId: STAFF_GROUP_IDS.bjorkskolan, staff: demoPeople.staffBjork, indicators: ['nationalTests', 'attendance', 'safety', 'krankningar'] },
  { key: 'bjorkFritids', name: 'Björkskolans fritidshem', type: 'fritidshem', schoolUnitCode: '91234502', principal: demoPeople.principalBjork,
    staffGroupId: STAFF_GROUP_IDS.bjorkskolan, staff: demoPeople.staffBjork, indicators: ['guardians', 'safety'] },
  { key: 'lindgymnasiet', name: 'Lindgymnasiet', type: 'gymnasieskola', schoolUnitCode: '91234503', principal: demoPeople.principalLind,
    staffGroupId: STAFF_GROUP_IDS.lindgymnasiet, staff: demoPeople.staffLind, indicators: ['diploma', 'attendance', 'safety', 'krankningar'] },
  { key: 'ekbacken', name: 'Ekbackens förskola', type: 'förskola', schoolUnitCode: '91234504', principal: demoPeople.principalEkbacken,
    staffGroupId: STAFF_GROUP_IDS.ekbackensForskola, staff: demoPeople.staffEkbacken, indicators: ['guardians', 'krankningar'] },
  { key: 'tallasen', name: 'Tallåsens skola 7–9', type: 'grundskola', schoolUnitCode: '91234505', principal: demoPeople.principalTallasen,
    staff: demoPeople.staffTallasen, indicators: ['meritValue', 'eligibility', 'attendance', 'safety', 'krankningar'] },
  { key: 'vux', name: 'Demokommunens vuxenutbildning', type: 'vuxenutbildning', schoolUnitCode: '91234506', principal: demoPeople.principalVux,
    staff: demoPeople.principalVux, indicators: ['employment', 'attendance'] },
];

export type DemoIndicatorKey = 'meritValue' | 'eligibility' | 'nationalTests' | 'attendance' | 'safety' | 'krankningar' | 'diploma' | 'guardians' | 'employment';

export interface DemoIndicator {
  readonly key: DemoIndicatorKey;
  readonly name: string;
  readonly source: IndicatorSource;
  readonly unitOfMeasure: 'percent' | 'points' | 'count' | 'scale';
  readonly direction: 'higherIsBetter' | 'lowerIsBetter';
  readonly target: number;
  /** the value a unit starts from, and how much it moves between periods */
  readonly base: number;
  readonly spread: number;
  readonly byGender: boolean;
  /** the unit types it applies to */
  readonly unitTypes: readonly UnitType[];
}

export const demoIndicators: readonly DemoIndicator[] = [
  { key: 'meritValue', name: 'Genomsnittligt meritvärde åk 9', source: 'meritValue', unitOfMeasure: 'points', direction: 'higherIsBetter', target: 230, base: 221, spread: 8, byGender: true, unitTypes: ['grundskola'] },
  { key: 'eligibility', name: 'Behörighet till yrkesprogram', source: 'eligibility', unitOfMeasure: 'percent', direction: 'higherIsBetter', target: 90, base: 84, spread: 4, byGender: true, unitTypes: ['grundskola'] },
  { key: 'nationalTests', name: 'Godkänt på nationella prov i matematik åk 6', source: 'nationalTests', unitOfMeasure: 'percent', direction: 'higherIsBetter', target: 90, base: 83, spread: 5, byGender: true, unitTypes: ['grundskola'] },
  { key: 'attendance', name: 'Närvaro', source: 'attendance', unitOfMeasure: 'percent', direction: 'higherIsBetter', target: 95, base: 91, spread: 2, byGender: false, unitTypes: ['grundskola', 'gymnasieskola', 'vuxenutbildning'] },
  { key: 'safety', name: 'Trygghet (Skolenkäten, index 1–4)', source: 'skolenkaten', unitOfMeasure: 'scale', direction: 'higherIsBetter', target: 3.4, base: 3.1, spread: 0.15, byGender: true, unitTypes: ['grundskola', 'gymnasieskola', 'fritidshem'] },
  { key: 'krankningar', name: 'Anmälda kränkningar per termin', source: 'krankningar', unitOfMeasure: 'count', direction: 'lowerIsBetter', target: 5, base: 9, spread: 3, byGender: false, unitTypes: ['grundskola', 'gymnasieskola', 'förskola'] },
  { key: 'diploma', name: 'Examen inom tre år', source: 'grades', unitOfMeasure: 'percent', direction: 'higherIsBetter', target: 85, base: 78, spread: 4, byGender: true, unitTypes: ['gymnasieskola'] },
  { key: 'guardians', name: 'Vårdnadshavares nöjdhet (index 1–4)', source: 'survey', unitOfMeasure: 'scale', direction: 'higherIsBetter', target: 3.5, base: 3.3, spread: 0.1, byGender: false, unitTypes: ['förskola', 'fritidshem'] },
  { key: 'employment', name: 'Arbete eller studier ett år efter avslutad yrkesutbildning', source: 'employment', unitOfMeasure: 'percent', direction: 'higherIsBetter', target: 80, base: 72, spread: 5, byGender: false, unitTypes: ['vuxenutbildning'] },
];

/** The questions to prepare before a meeting (the mall med frågor inför resultatkonferens), by meeting type. */
export const demoBeforeQuestions: Readonly<Partial<Record<MeetingType, readonly { id: string; sv: string; en?: string; kind: 'text' }[]>>> = {
  resultsConference: [
    { id: 'before-changed', sv: 'Vad har förändrats i dina gruppers resultat sedan förra konferensen?', en: 'What has changed in your groups\' results since the last conference?', kind: 'text' },
    { id: 'before-worked', sv: 'Vilket arbetssätt tror du har gjort skillnad, och hur vet du det?', en: 'Which way of working do you think made a difference, and how do you know?', kind: 'text' },
    { id: 'before-groups', sv: 'Skiljer sig resultaten mellan flickor och pojkar, eller mellan klasser? Varför tror du det?', kind: 'text' },
  ],
  qualityDialogue: [
    { id: 'before-strengths', sv: 'Vilka styrkor vill ni lyfta först?', en: 'Which strengths do you want to lift first?', kind: 'text' },
  ],
};

export const demoTemplates: Readonly<Record<MeetingType, readonly { id: string; sv: string; en: string; kind: 'text' | 'scale' }[]>> = {
  resultsConference: [
    { id: 'strengths', sv: 'Vilka styrkor ser du i resultaten?', en: 'Which strengths do you see in the results?', kind: 'text' },
    { id: 'causes', sv: 'Varför blev det som det blev när vi gjorde som vi gjorde?', en: 'Why did it turn out as it did when we did what we did?', kind: 'text' },
    { id: 'next-step', sv: 'Vilket är ditt nästa steg i undervisningen?', en: 'What is your next step in teaching?', kind: 'text' },
    { id: 'clarity', sv: 'Hur tydligt är vem som ansvarar för vad efter mötet? (1–4)', en: 'How clear is who is responsible for what after the meeting? (1–4)', kind: 'scale' },
  ],
  skaDay: [
    { id: 'learned', sv: 'Vad tar du med dig från de andra enheterna?', en: 'What do you take with you from the other units?', kind: 'text' },
    { id: 'share', sv: 'Vad vill du dela med andra rektorer nästa gång?', en: 'What do you want to share with other principals next time?', kind: 'text' },
  ],
  dialogueDay: [
    { id: 'priorities', sv: 'Vilka prioriteringar behöver nämnden känna till?', en: 'Which priorities does the board need to know about?', kind: 'text' },
  ],
  qualityDialogue: [
    { id: 'strengths', sv: 'Vilka styrkor lyftes i dialogen?', en: 'Which strengths were raised in the dialogue?', kind: 'text' },
    { id: 'develop', sv: 'Vilka utvecklingsområden lyftes?', en: 'Which areas to develop were raised?', kind: 'text' },
    { id: 'useful', sv: 'Hur användbar var dialogen för ditt arbete? (1–4)', en: 'How useful was the dialogue for your work? (1–4)', kind: 'scale' },
  ],
  workshop: [
    { id: 'idea', sv: 'Vilken förbättring vill du pröva?', en: 'Which improvement do you want to try?', kind: 'text' },
    { id: 'support', sv: 'Vilket stöd behöver du?', en: 'What support do you need?', kind: 'text' },
  ],
};

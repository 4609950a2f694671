/**
 * `SEED=large`: a fictional municipality of Stockholm's size, to try the product at scale and to
 * measure it. 600 units of every school form, 30 indicators (a third of them followed month by
 * month, with groups on the term and year results), five school years of results, two analyses
 * a unit and year, about 40,000 actions, deficiencies, meetings with their decisions, feedback and
 * the year wheel: some 250,000 items. Written through the store's `createMany` (`$batch`es), so
 * it goes through the emulator's Graph API like every other write.
 *
 * Deterministic: the same shape and day give the same municipality (a seeded generator; every
 * item has a client key), and a seed stopped half-way is finished on the next start without
 * duplicates. Every name is made up; no person in it is real, and no pupil is named.
 */
import { PERSONA_USER_IDS, STAFF_GROUP_IDS } from '../auth/personas';
import type { Action, Analysis, Deficiency, Feedback, Goal, Indicator, Measurement, Meeting, SchoolYear, Unit, UnitOfMeasure, UnitType, YearWheelActivity } from '../domain';
import { analysisPeriodKey, isoDay, meetingTypes, monthPeriod, monthsOf, periodSpan, previousSchoolYear, schoolYearOf, termPeriod } from '../domain';
import type { Entities } from '../lists/lists';
import type { Store } from '../store/port';
import { demoBeforeQuestions, demoTemplates } from './seed-data';
import type { SeedResult } from './seed';

export interface LargeShape {
  readonly units: number;
  /** school years back from the current one, the current one included */
  readonly years: number;
}

/** Stockholm's size: about 600 municipal school and preschool units, five school years. */
export const largeShape: LargeShape = { units: 600, years: 5 };

export interface LargeSeedOptions {
  readonly shape?: LargeShape;
  /** the day the municipality is seeded: the current school year and which of its periods have results follow from it */
  readonly today?: Date;
  readonly log?: (line: string) => void;
}

/** A person of the large municipality, for the local directory. */
export interface LargePerson {
  readonly id: string;
  readonly name: string;
}

type Frequency = 'month' | 'term' | 'year';

interface LargeIndicator extends Pick<Indicator, 'name' | 'source' | 'unitOfMeasure' | 'direction' | 'target'> {
  readonly frequency: Frequency;
  readonly types: readonly UnitType[];
  readonly base: number;
  readonly spread: number;
  readonly groups?: readonly string[];
}

const school: readonly UnitType[] = ['grundskola', 'anpassadGrundskola', 'gymnasieskola', 'anpassadGymnasieskola'];
const compulsory: readonly UnitType[] = ['grundskola', 'anpassadGrundskola'];
const upper: readonly UnitType[] = ['gymnasieskola', 'anpassadGymnasieskola'];
const every: readonly UnitType[] = ['förskola', 'fritidshem', 'vuxenutbildning', ...school];
const gender = ['Flickor', 'Pojkar'] as const;
const compensatory = ['Flickor', 'Pojkar', 'Nyanlända', 'Elever med annat modersmål'] as const;

const indicators: readonly LargeIndicator[] = [
  { name: 'Närvaro', source: 'attendance', unitOfMeasure: 'percent', direction: 'higherIsBetter', target: 95, frequency: 'month', types: [...school, 'vuxenutbildning'], base: 91, spread: 3 },
  { name: 'Elever med frånvaro över 15 %', source: 'attendance', unitOfMeasure: 'percent', direction: 'lowerIsBetter', target: 5, frequency: 'month', types: school, base: 9, spread: 3 },
  { name: 'Ogiltig frånvaro', source: 'attendance', unitOfMeasure: 'percent', direction: 'lowerIsBetter', target: 1, frequency: 'month', types: school, base: 2, spread: 1 },
  { name: 'Närvaro i förskolan', source: 'attendance', unitOfMeasure: 'percent', direction: 'higherIsBetter', target: 90, frequency: 'month', types: ['förskola'], base: 86, spread: 4 },
  { name: 'Barn per grupp', source: 'other', unitOfMeasure: 'count', direction: 'lowerIsBetter', target: 15, frequency: 'month', types: ['förskola'], base: 17, spread: 2 },
  { name: 'Inskrivna på fritidshemmet', source: 'other', unitOfMeasure: 'count', direction: 'higherIsBetter', frequency: 'month', types: ['fritidshem'], base: 120, spread: 30 },
  { name: 'Elever per anställd i fritidshemmet', source: 'other', unitOfMeasure: 'count', direction: 'lowerIsBetter', target: 20, frequency: 'month', types: ['fritidshem'], base: 23, spread: 4 },
  { name: 'Anmälda kränkningar', source: 'krankningar', unitOfMeasure: 'count', direction: 'lowerIsBetter', target: 1, frequency: 'month', types: ['förskola', 'fritidshem', ...school], base: 2, spread: 2 },
  { name: 'Elever med åtgärdsprogram', source: 'other', unitOfMeasure: 'count', direction: 'lowerIsBetter', frequency: 'month', types: school, base: 14, spread: 5 },
  { name: 'Lektioner med vikarie', source: 'other', unitOfMeasure: 'percent', direction: 'lowerIsBetter', target: 5, frequency: 'month', types: [...school, 'vuxenutbildning'], base: 8, spread: 3 },
  { name: 'Sjukfrånvaro bland personalen', source: 'other', unitOfMeasure: 'percent', direction: 'lowerIsBetter', target: 4, frequency: 'month', types: every, base: 6, spread: 2 },
  { name: 'Rapporterade incidenter', source: 'other', unitOfMeasure: 'count', direction: 'lowerIsBetter', target: 2, frequency: 'month', types: every, base: 3, spread: 2 },
  { name: 'Godkänt i alla ämnen åk 6', source: 'grades', unitOfMeasure: 'percent', direction: 'higherIsBetter', target: 90, frequency: 'term', types: compulsory, base: 80, spread: 6, groups: compensatory },
  { name: 'Godkänt i alla ämnen åk 9', source: 'grades', unitOfMeasure: 'percent', direction: 'higherIsBetter', target: 90, frequency: 'term', types: compulsory, base: 77, spread: 6, groups: compensatory },
  { name: 'Godkänt i matematik åk 9', source: 'grades', unitOfMeasure: 'percent', direction: 'higherIsBetter', target: 90, frequency: 'term', types: compulsory, base: 82, spread: 5, groups: gender },
  { name: 'Trygghet (Skolenkäten, index 1–4)', source: 'skolenkaten', unitOfMeasure: 'scale', direction: 'higherIsBetter', target: 3.4, frequency: 'term', types: [...school, 'fritidshem'], base: 3.1, spread: 0.15, groups: gender },
  { name: 'Studiero (Skolenkäten, index 1–4)', source: 'skolenkaten', unitOfMeasure: 'scale', direction: 'higherIsBetter', target: 3.2, frequency: 'term', types: school, base: 2.9, spread: 0.2, groups: gender },
  { name: 'Vårdnadshavares nöjdhet (index 1–4)', source: 'survey', unitOfMeasure: 'scale', direction: 'higherIsBetter', target: 3.5, frequency: 'term', types: ['förskola', 'fritidshem'], base: 3.3, spread: 0.1 },
  { name: 'Barns inflytande i förskolan (index 1–4)', source: 'survey', unitOfMeasure: 'scale', direction: 'higherIsBetter', target: 3.3, frequency: 'term', types: ['förskola'], base: 3.0, spread: 0.15 },
  { name: 'Godkända kurser i gymnasieskolan', source: 'grades', unitOfMeasure: 'percent', direction: 'higherIsBetter', target: 92, frequency: 'term', types: upper, base: 87, spread: 4, groups: compensatory },
  { name: 'Inkomna klagomål', source: 'complaints', unitOfMeasure: 'count', direction: 'lowerIsBetter', target: 2, frequency: 'term', types: every, base: 3, spread: 2 },
  { name: 'Avklarade kurser i vuxenutbildningen', source: 'grades', unitOfMeasure: 'percent', direction: 'higherIsBetter', target: 85, frequency: 'term', types: ['vuxenutbildning'], base: 78, spread: 5, groups: gender },
  { name: 'Genomsnittligt meritvärde åk 9', source: 'meritValue', unitOfMeasure: 'points', direction: 'higherIsBetter', target: 230, frequency: 'year', types: compulsory, base: 221, spread: 12, groups: compensatory },
  { name: 'Behörighet till yrkesprogram', source: 'eligibility', unitOfMeasure: 'percent', direction: 'higherIsBetter', target: 90, frequency: 'year', types: compulsory, base: 84, spread: 6, groups: compensatory },
  { name: 'Godkänt på nationella prov i svenska åk 6', source: 'nationalTests', unitOfMeasure: 'percent', direction: 'higherIsBetter', target: 90, frequency: 'year', types: compulsory, base: 85, spread: 5, groups: gender },
  { name: 'Examen inom tre år', source: 'grades', unitOfMeasure: 'percent', direction: 'higherIsBetter', target: 85, frequency: 'year', types: upper, base: 78, spread: 5, groups: compensatory },
  { name: 'Genomsnittlig betygspoäng', source: 'grades', unitOfMeasure: 'points', direction: 'higherIsBetter', target: 15, frequency: 'year', types: upper, base: 14, spread: 1, groups: gender },
  { name: 'Arbete eller studier ett år efter avslutad yrkesutbildning', source: 'employment', unitOfMeasure: 'percent', direction: 'higherIsBetter', target: 80, frequency: 'year', types: ['vuxenutbildning'], base: 72, spread: 6 },
  { name: 'Legitimerade förskollärare', source: 'other', unitOfMeasure: 'percent', direction: 'higherIsBetter', target: 60, frequency: 'year', types: ['förskola'], base: 45, spread: 10 },
  { name: 'Legitimerade lärare', source: 'other', unitOfMeasure: 'percent', direction: 'higherIsBetter', target: 90, frequency: 'year', types: school, base: 82, spread: 7 },
];

/** The school forms in the proportions of a large municipality, per hundred units. */
const typeMix: readonly (readonly [UnitType, number])[] = [
  ['förskola', 35], ['grundskola', 30], ['fritidshem', 20], ['gymnasieskola', 6], ['anpassadGrundskola', 4], ['vuxenutbildning', 3], ['anpassadGymnasieskola', 2],
];
const typeCycle: readonly UnitType[] = typeMix.flatMap(([type, count]) => Array.from({ length: count }, () => type));

const places = ['Ek', 'Björk', 'Tall', 'Lind', 'Sol', 'Äng', 'Berg', 'Sjö', 'Strand', 'Ros', 'Lilje', 'Gran', 'Al', 'Asp', 'Hassel', 'Lönn', 'Rönn', 'Vide', 'Hav', 'Skogs'];
const endings = ['backen', 'dalen', 'hagen', 'höjden', 'lunden', 'viken', 'åsen', 'ängen', 'parken', 'gården', 'torpet', 'berget', 'holmen', 'näset', 'udden'];
const firstNames = ['Anna', 'Erik', 'Maria', 'Lars', 'Karin', 'Johan', 'Sara', 'Anders', 'Lena', 'Per', 'Emma', 'Mikael', 'Sofia', 'Nils', 'Elin', 'Omar', 'Amina', 'Jonas', 'Ida', 'Ali', 'Hanna', 'Oskar', 'Fatima', 'Gustav'];
const lastNames = ['Andersson', 'Berg', 'Dahl', 'Ek', 'Forsberg', 'Holm', 'Lund', 'Nyberg', 'Sandberg', 'Strand', 'Wikström', 'Åkesson', 'Hassan', 'Lindgren', 'Norén', 'Sjöberg', 'Falk', 'Blom'];

function unitName(type: UnitType, index: number): string {
  const place = `${places[index % places.length] ?? 'Ek'}${endings[Math.floor(index / places.length) % endings.length] ?? 'backen'}`;
  const side = index >= places.length * endings.length ? 'Norra ' : '';
  const names: Readonly<Record<UnitType, string>> = {
    förskola: `${side}${place}s förskola`,
    grundskola: `${side}${place}sskolan`,
    fritidshem: `${side}${place}sskolans fritidshem`,
    gymnasieskola: `${side}${place}sgymnasiet`,
    anpassadGrundskola: `${side}${place}s anpassade grundskola`,
    anpassadGymnasieskola: `${side}${place}s anpassade gymnasieskola`,
    vuxenutbildning: `Vuxenutbildningen ${side}${place}`,
  };
  return names[type];
}

const personId = (n: number): string => `6e000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const principalOf = (unit: number): string => unit === 0 ? PERSONA_USER_IDS.principalBjork : unit === 1 ? PERSONA_USER_IDS.principalLind : personId(unit);
const staffOf = (unit: number, n: number): string => unit === 0 && n === 0 ? PERSONA_USER_IDS.staffBjork : unit === 1 && n === 0 ? PERSONA_USER_IDS.staffLind : personId(100_000 + unit * 10 + n);
const nameOf = (n: number): string => `${firstNames[n % firstNames.length] ?? 'Anna'} ${lastNames[Math.floor(n / firstNames.length) % lastNames.length] ?? 'Berg'}`;

/** The made-up people of the large municipality (its principals and the staff who own actions), for the local directory. */
export function largePeople(shape: LargeShape = largeShape): LargePerson[] {
  return Array.from({ length: shape.units }, (_, u) => [
    { id: principalOf(u), name: nameOf(u * 7) },
    ...[0, 1, 2].map((n) => ({ id: staffOf(u, n), name: nameOf(u * 7 + n + 1) })),
  ]).flat().filter((person) => !Object.values<string>(PERSONA_USER_IDS).includes(person.id));
}

/** A small deterministic generator (the demo seed's). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const decimalsOf = (unit: UnitOfMeasure): number => (unit === 'scale' ? 2 : unit === 'count' ? 0 : 1);
const rounded = (value: number, decimals: number): number => Math.round(value * 10 ** decimals) / 10 ** decimals;
const startYear = (year: SchoolYear): number => Number(year.slice(0, 4));
const day = (year: number, month: number, date: number): string => `${year}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;

/** The periods of an indicator's frequency in a school year whose results are in by `today` ("YYYY-MM"). */
function periodsOf(frequency: Frequency, year: SchoolYear, thisMonth: string): string[] {
  const all = frequency === 'month' ? monthsOf(year).filter((month) => month.slice(5) !== '07').map((month) => monthPeriod(year, month))
    : frequency === 'term' ? [termPeriod(year, 'HT'), termPeriod(year, 'VT')] : [year];
  return all.filter((period) => periodSpan(period).to < thisMonth);
}

const marker = 'large:done';

/**
 * Seeds the large municipality on an empty site, or finishes a seed of it that stopped half-way.
 * Does nothing on a site that holds another municipality or the finished large one.
 */
export async function seedLarge(store: Store<Entities>, options: LargeSeedOptions = {}): Promise<SeedResult> {
  const shape = options.shape ?? largeShape;
  const done = await store.query('yearWheel', { filter: [{ field: 'clientKey', op: 'eq', value: marker }], top: 1 });
  if (done.items.length > 0) return { seeded: false, items: 0 };
  const [anyUnit] = (await store.query('units', { top: 1 })).items;
  const ours = await store.query('units', { filter: [{ field: 'clientKey', op: 'eq', value: 'large:units:0' }], top: 1 });
  if (anyUnit && ours.items.length === 0) return { seeded: false, items: 0 };

  const log = options.log ?? (() => undefined);
  const today = options.today ?? new Date();
  const thisMonth = isoDay(today).slice(0, 7);
  const current = schoolYearOf(today);
  const years: SchoolYear[] = [current];
  while (years.length < shape.years) years.unshift(previousSchoolYear(years[0] ?? current));
  const actor = PERSONA_USER_IDS.admin;
  const next = random(600);
  let items = 0;

  async function putAll<K extends keyof Entities & string>(list: K, entries: readonly (readonly [string, Entities[K]])[]): Promise<string[]> {
    const created = await store.createMany(list, entries.map(([key, fields]) => ({ clientKey: `large:${list}:${key}`, fields })), { actor });
    items += created.length;
    log(`  ${list}: ${created.length}`);
    return created.map((item) => item.id);
  }

  log(`Seedar en stor kommun: ${shape.units} enheter, ${shape.years} läsår ...`);
  await putAll('followUpTemplates', meetingTypes.map((type) => [type, {
    meetingType: type, version: 1, questions: [...demoTemplates[type]], ...(demoBeforeQuestions[type] ? { beforeQuestions: [...demoBeforeQuestions[type]] } : {}),
  }] as const));
  const indicatorIds = await putAll('indicators', indicators.map((indicator, i) => [String(i), {
    name: indicator.name, source: indicator.source, unitOfMeasure: indicator.unitOfMeasure, direction: indicator.direction,
    ...(indicator.target !== undefined ? { target: indicator.target } : {}), unitTypes: [...indicator.types], ...(indicator.groups ? { groups: [...indicator.groups] } : {}),
  }] as const));
  // the first two units are the personas' (a compulsory school and an upper secondary school); the
  // rest spread the mix over the units (37 is prime to 100), so any stretch of units has every form
  const types = Array.from({ length: shape.units }, (_, u): UnitType => u === 0 ? 'grundskola' : u === 1 ? 'gymnasieskola' : typeCycle[(u * 37) % typeCycle.length] ?? 'förskola');
  const unitIds = await putAll('units', types.map((type, u): readonly [string, Unit] => [String(u), {
    name: unitName(type, u), type, schoolUnitCode: String(70_000_000 + u), principalIds: [principalOf(u)],
    ...(u === 0 ? { staffGroupId: STAFF_GROUP_IDS.bjorkskolan } : u === 1 ? { staffGroupId: STAFF_GROUP_IDS.lindgymnasiet } : {}),
  }]));

  // the organizer's goals and areas of each year; each unit sets two goals under the areas
  const goals: (readonly [string, Goal])[] = years.flatMap((year) => [
    [`${year}:org:1`, { level: 'organizer', title: 'Alla elever ska nå så långt som möjligt i sin kunskapsutveckling', schoolYear: year }],
    [`${year}:org:2`, { level: 'organizer', title: 'Trygga lärmiljöer med studiero', schoolYear: year }],
  ] as const);
  const organizerGoalIds = await putAll('goals', goals);
  const areaTitles = ['Formativ bedömning', 'Studiero', 'Språkutvecklande arbetssätt', 'Närvaro'];
  const areaIds = await putAll('goals', years.flatMap((year, y) => areaTitles.map((title, a): readonly [string, Goal] => [
    `${year}:area:${a}`, { level: 'focusArea', title, parentGoalId: organizerGoalIds[y * 2 + (a % 2)] ?? '', schoolYear: year },
  ])));
  const unitGoalIds = await putAll('goals', years.flatMap((year, y) => unitIds.flatMap((unitId, u) => [0, 1].map((g): readonly [string, Goal] => [
    `${year}:${u}:${g}`, { level: 'unit', unitId, parentGoalId: areaIds[y * areaTitles.length + ((u + g) % areaTitles.length)] ?? '', schoolYear: year, title: g === 0 ? 'Fler elever ska nå målen' : 'Tryggheten ska öka i alla grupper' },
  ]))));

  // results: a level per unit and indicator, a trend over the years, noise per period
  const measurements: (readonly [string, Measurement])[] = [];
  // the term and year results of each unit and year, by their place in `measurements`: an analysis links some
  const linked = new Map<string, number[]>();
  unitIds.forEach((unitId, u) => indicators.forEach((indicator, i) => {
    if (!indicator.types.includes(types[u] ?? 'förskola')) return;
    const decimals = decimalsOf(indicator.unitOfMeasure);
    const level = indicator.base + (next() - 0.5) * indicator.spread * 2;
    const trend = (next() - 0.4) * indicator.spread * 0.2;
    years.forEach((year, y) => {
      for (const period of periodsOf(indicator.frequency, year, thisMonth)) {
        const raw = level + trend * y + (next() - 0.5) * indicator.spread;
        const value = rounded(Math.max(0, indicator.unitOfMeasure === 'percent' ? Math.min(100, raw) : indicator.unitOfMeasure === 'scale' ? Math.min(4, Math.max(1, raw)) : raw), decimals);
        const groups = indicator.groups?.map((group, g) => ({ group, value: rounded(Math.max(0, value + (g % 2 === 0 ? 1 : -1) * indicator.spread * (0.2 + g * 0.1)), decimals) }));
        measurements.push([`${u}:${i}:${period}`, { indicatorId: indicatorIds[i] ?? '', unitId, period, schoolYear: year, value, ...(groups ? { groups } : {}) }]);
        if (indicator.frequency !== 'month') linked.set(`${u}:${year}`, [...(linked.get(`${u}:${year}`) ?? []), measurements.length - 1]);
      }
    });
  }));
  const measurementIds = await putAll('measurements', measurements);

  // two analyses a unit and year (HT, VT), those of periods that are over; drafts and submitted ones this year
  const analyses: (readonly [string, Analysis])[] = [];
  const analysisOf = new Map<string, number>();
  unitIds.forEach((unitId, u) => years.forEach((year, y) => {
    for (const term of ['HT', 'VT'] as const) {
      const period = termPeriod(year, term);
      if (periodSpan(period).to >= thisMonth) continue;
      const isCurrent = year === current;
      const status = isCurrent ? (u % 3 === 0 ? 'draft' : 'submitted') : u % 4 === 0 ? 'submitted' : 'feedbackGiven';
      const ids = (linked.get(`${u}:${year}`) ?? []).slice(0, 6).map((n) => measurementIds[n] ?? '');
      analysisOf.set(`${u}:${year}:${term}`, analyses.length);
      analyses.push([`${u}:${period}`, {
        unitId, schoolYear: year, period, status, periodKey: analysisPeriodKey(unitId, period),
        followUp: 'Resultaten har förbättrats sedan förra perioden i de flesta grupper, men skillnaden mellan flickor och pojkar kvarstår.',
        causes: 'Där arbetslagen planerat undervisningen tillsammans och följt upp elevernas lärande syns förbättringarna tydligast.',
        direction: 'Alla elever ska få undervisning med tydliga mål och återkoppling.',
        approach: 'Kollegialt lärande varannan vecka och gemensamma rutiner för studiero.',
        ...(status === 'draft' ? {} : { evaluation: 'De flesta insatserna har genomförts; effekten följs upp vid nästa resultatkonferens.', submittedAt: `${periodSpan(period).to}-20T12:00:00Z`, submittedBy: principalOf(u) }),
        strengths: ['Stark kollegial kultur', 'Trygg miljö'],
        areasToDevelop: [areaTitles[(u + y) % areaTitles.length] ?? 'Studiero'],
        measurementIds: ids, goalIds: [unitGoalIds[(y * unitIds.length + u) * 2] ?? ''],
        participants: [{ role: 'principal', userId: principalOf(u) }, { role: 'teacher', userId: staffOf(u, 0) }, { role: types[u] === 'förskola' ? 'guardians' : 'pupils', count: 4 }],
      }]);
    }
  }));
  const analysisIds = await putAll('analyses', analyses);
  await putAll('feedback', analyses.flatMap(([key, analysis], n): (readonly [string, Feedback])[] => analysis.status !== 'feedbackGiven' ? [] : [[key, {
    unitId: analysis.unitId, analysisId: analysisIds[n] ?? '', schoolYear: analysis.schoolYear, authorId: actor, givenAt: `${periodSpan(analysis.period).to}-28T09:00:00Z`,
    text: 'Tack för en tydlig analys där styrkorna lyfts först. Visa nästa gång hur ni följer upp skillnaderna mellan grupper.',
    readAt: `${periodSpan(analysis.period).to}-29T10:00:00Z`, readBy: analysis.submittedBy ?? actor,
  }]]));

  // a results conference a term, with what it decided once it is over
  const meetings: (readonly [string, Meeting])[] = [];
  unitIds.forEach((unitId, u) => years.forEach((year) => {
    for (const [term, month] of [['HT', 12], ['VT', 6]] as const) {
      const on = day(startYear(year) + (term === 'VT' ? 1 : 0), month, 1 + (u % 20));
      const over = on < isoDay(today);
      meetings.push([`${u}:${year}:${term}`, {
        type: 'resultsConference', title: `Resultatkonferens ${term}`, unitId, schoolYear: year, startsAt: `${on}T13:00:00Z`,
        participants: [{ role: 'principal', userId: principalOf(u), displayName: nameOf(u * 7) }, { role: 'teacher', userId: staffOf(u, 0), displayName: nameOf(u * 7 + 1) }],
        agenda: [
          { id: '1', title: 'Resultat sedan förra konferensen' },
          { id: '2', title: 'Analys: varför blev det så?', ...(over ? { notes: 'Studieron har blivit bättre där rutinerna följs.' } : {}) },
          { id: '3', title: 'Åtgärder: vem gör vad?', ...(over ? { decisions: ['Arbetslagen följer upp exit tickets varje vecka.'] } : {}) },
        ],
        ...(over ? { endedAt: `${on}T15:00:00Z` } : {}),
      }]);
    }
  }));
  const meetingIds = await putAll('meetings', meetings);

  // about a third of the units a year has a deficiency: a complaint, a kränkning, an inspection finding
  const deficiencies: (readonly [string, Deficiency])[] = [];
  unitIds.forEach((unitId, u) => years.forEach((year, y) => {
    if ((u + y) % 3 !== 0) return;
    const isCurrent = year === current;
    const source = (['complaint', 'krankning', 'inspection'] as const)[(u + y) % 3] ?? 'complaint';
    const foundOn = day(startYear(year), 10, 1 + (u % 28));
    deficiencies.push([`${u}:${year}`, {
      title: source === 'inspection' ? 'Skolinspektionen: studiero i undervisningen' : source === 'krankning' ? 'Upprepade kränkningar vid raster' : 'Klagomål på information till vårdnadshavare',
      unitId, source, foundOn, status: isCurrent ? 'open' : 'closed', ...(isCurrent ? {} : { closedOn: day(startYear(year) + 1, 3, 1) }),
      ...(source === 'inspection' ? { deadline: day(startYear(year) + 1, 2, 1), caseNumber: `SI ${startYear(year)}:${1000 + u}` } : {}),
    }]);
  }));
  const deficiencyIds = await putAll('deficiencies', deficiencies);
  const deficiencyOf = new Map(deficiencies.map(([key], n) => [key, deficiencyIds[n] ?? '']));

  // thirteen actions a unit and year: from the analyses, the meetings and the deficiencies
  const actions: (readonly [string, Action])[] = [];
  const titles = ['Gemensamma genomgångar med exit tickets', 'Rutin för studiero i klassrummet', 'Kartlägga otrygga platser med elevrådet', 'Språkutvecklande arbetssätt i alla ämnen', 'Uppföljning av frånvaro varje vecka'];
  unitIds.forEach((unitId, u) => years.forEach((year, y) => {
    const isCurrent = year === current;
    for (let a = 0; a < 13; a++) {
      const term = a % 2 === 0 ? 'HT' : 'VT';
      const analysis = analysisOf.get(`${u}:${year}:${term}`) ?? analysisOf.get(`${u}:${year}:HT`);
      const deficiency = a === 12 ? deficiencyOf.get(`${u}:${year}`) : undefined;
      const meeting = meetingIds[(u * years.length + y) * 2 + (a % 2)] ?? '';
      const [originKind, originId] = deficiency ? ['deficiency', deficiency] as const
        : analysis !== undefined && a % 4 !== 3 ? ['analysis', analysisIds[analysis] ?? ''] as const : ['meeting', meeting] as const;
      const dueDate = day(startYear(year) + (a % 2), a % 2 === 0 ? 11 : 5, 1 + ((u + a) % 28));
      const status: Action['status'] = !isCurrent ? (a === 11 ? 'cancelled' : 'done') : a % 3 === 0 ? 'inProgress' : a % 5 === 0 && dueDate < isoDay(today) ? 'done' : 'planned';
      const owner = a % 4 === 0 ? principalOf(u) : staffOf(u, a % 3);
      actions.push([`${u}:${year}:${a}`, {
        title: titles[a % titles.length] ?? 'Åtgärd', unitId, ownerId: owner, ownerName: nameOf(owner === principalOf(u) ? u * 7 : u * 7 + (a % 3) + 1),
        startDate: day(startYear(year), 8, 20), dueDate, status, originKind, originId, goalId: unitGoalIds[(y * unitIds.length + u) * 2 + (a % 2)] ?? '', schoolYear: year,
        ...(status === 'done' ? { evaluation: 'Genomfört; fler elever når målen enligt uppföljningen.' } : {}),
      }]);
    }
  }));
  await putAll('actions', actions);

  // the year wheel, municipality-wide; its last activity is the marker that the seed is complete
  const wheel = (year: SchoolYear): (readonly [string, YearWheelActivity])[] => ([
    ['dataCollection', 'Insamling av höstens resultat', 11, 15], ['resultsConference', 'Resultatkonferens HT på enheterna', 12, 5],
    ['skaDay', 'SKA-dag: analys och kollegialt lärande', 1, 25], ['qualityDialogue', 'Kvalitetsdialoger med rektorerna', 3, 10],
    ['resultsConference', 'Resultatkonferens VT på enheterna', 6, 5], ['reportDeadline', 'Enheternas kvalitetsrapporter lämnas', 6, 15],
  ] as const).map(([kind, title, month, date], n) => [`${year}:${n}`, { kind, title, schoolYear: year, date: day(startYear(year) + (month < 7 ? 1 : 0), month, date), remindDaysBefore: 14 }]);
  await putAll('yearWheel', years.flatMap(wheel));
  await store.createMany('yearWheel', [{ clientKey: marker, fields: { kind: 'dialogueDay', title: 'Dialogdag: huvudmannens kvalitetsrapport', schoolYear: current, date: day(startYear(current) + 1, 6, 25) } }], { actor });
  items += 1;
  log(`Klart: ${items} poster.`);
  return { seeded: true, items };
}

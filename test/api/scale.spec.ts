/**
 * No silent truncation: every list the product reads holds more than a page (the server reads
 * with pages of 50), one unit has 540 results (9 indicators, 20 years; the overview used to read
 * the first 500), and every view is checked against values computed from the seed. And one school
 * year of 5,400 results, past SharePoint's 5,000-item list view threshold: the roll-up answers
 * 200 with the right numbers, although a query of that year's results is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONA_USER_IDS } from '../../src/auth/personas';
import { previousSchoolYear, schoolYearOf, type Action, type SchoolYear } from '../../src/domain';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index';
import { allLists, lists, mirroredLists, type Entities } from '../../src/lists/lists';
import { createGraphStore, type GraphStore } from '../../src/store/graph-store';
import type { StoredItem } from '../../src/store/port';
import { pool } from '../../src/store/pool';
import { nextInstance, type Instance } from './instances';

const actor = { actor: PERSONA_USER_IDS.admin };
const staff = PERSONA_USER_IDS.staffBjork;
const now = new Date();
const year = schoolYearOf(now);
const N = 60;
const day = (offset: number): string => new Date(now.getTime() + offset * 86_400_000).toISOString();
const date = (offset: number): string => day(offset).slice(0, 10);
const userN = (n: number): string => `5c000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const round2 = (value: number): number => Math.round(value * 100) / 100;
const byNumber = (ids: readonly string[]): string[] => [...ids].sort((a, b) => Number(a) - Number(b));

interface Listed {
  readonly id: string;
  readonly [field: string]: unknown;
}
const ids = (items: unknown): string[] => byNumber(((items as Listed[] | undefined) ?? []).map((item) => item.id));

/** The years of a unit with 20 years of results, newest first. */
function twentyYears(): SchoolYear[] {
  const years: SchoolYear[] = [year];
  while (years.length < 20) years.push(previousSchoolYear(years[years.length - 1] ?? year));
  return years;
}

/** A result's value: distinct for every indicator, year and period, so a wrong pick shows. */
const valueOf = (indicator: number, yearsBack: number, period: 'HT' | 'VT' | 'whole'): number => 100 * indicator + 5 * yearsBack + { HT: 0, VT: 1, whole: 2 }[period];

interface Seeded {
  units: StoredItem<Entities['units']>[];
  indicators: StoredItem<Entities['indicators']>[];
  actions: StoredItem<Action>[];
  meetings: StoredItem<Entities['meetings']>[];
  answeredByStaff: string[];
  feedbackOfFocus: string;
  templateIds: string[];
  wheel: StoredItem<Entities['yearWheel']>[];
}

async function seed(store: GraphStore<Entities>): Promise<Seeded> {
  const many = <T>(count: number, make: (i: number) => Promise<T>): Promise<T[]> => pool(Array.from({ length: count }, (_, i) => () => make(i)), 16);
  const units = await many(N, (u) => store.create('units', { name: `Enhet ${String(u + 1).padStart(2, '0')}`, type: 'grundskola', schoolUnitCode: String(40_000_000 + u), principalIds: [] }, actor));
  const focus = units[0]?.id ?? '';
  const indicators = await many(N, (i) => store.create('indicators', { name: `Indikator ${String(i + 1).padStart(2, '0')}`, source: 'grades', unitOfMeasure: 'percent', direction: 'higherIsBetter', target: 50 }, actor));
  const measured = indicators.slice(0, 9);
  // the focus unit: 9 indicators × 20 years × 3 periods = 540 results, the oldest first (as years
  // of results are entered), so the newest are not among the first 500; every other unit: the year's spring term
  const tasks: (() => Promise<unknown>)[] = [];
  const years = twentyYears();
  [...years].reverse().forEach((y) => measured.forEach((indicator, i) => {
    const back = years.indexOf(y);
    for (const period of ['HT', 'VT', 'whole'] as const) {
      tasks.push(() => store.create('measurements', { indicatorId: indicator.id, unitId: focus, schoolYear: y, period: period === 'whole' ? y : `${y} ${period}`, value: valueOf(i, back, period) }, actor));
    }
  }));
  units.slice(1).forEach((unit, u) => measured.forEach((indicator, i) => {
    tasks.push(() => store.create('measurements', { indicatorId: indicator.id, unitId: unit.id, schoolYear: year, period: `${year} VT`, value: 20 + u + i }, actor));
  }));
  await pool(tasks, 16);

  const analyses = await many(N, (u) => store.create('analyses', {
    unitId: units[u]?.id ?? '', schoolYear: year, period: year, status: 'submitted', causes: 'Orsaker.', strengths: ['Trygghet'], areasToDevelop: ['Studiero'],
    measurementIds: [], goalIds: [], participants: [],
  }, actor));
  const feedback = await many(N, (u) => store.create('feedback', {
    unitId: units[u]?.id ?? '', analysisId: analyses[u]?.id ?? '', schoolYear: year, text: 'Återkoppling.', authorId: actor.actor, givenAt: day(-100 + u),
  }, actor));
  await many(N, (g) => store.create('goals', { title: `Mål ${g + 1}`, level: 'unit', unitId: focus, schoolYear: year }, actor));
  // the municipality's own results (Kolada), one per indicator
  await many(N, (i) => store.create('municipalityResults', { indicatorId: indicators[i]?.id ?? '', municipalityId: '9999', period: year, schoolYear: year, value: 40 + i, source: 'kolada' }, actor));
  // imports that completed long ago: which results count is read from every one of them
  await many(N, (n) => store.create('resultImports', { jobId: String(900_000 + n), state: 'done', changedAt: day(-400 + n) }, actor));
  await many(N, (u) => store.create('deficiencies', { title: 'Brist', unitId: units[u]?.id ?? '', source: 'inspection', foundOn: date(-10), status: 'open' }, actor));
  const templates = await many(N, (v) => store.create('followUpTemplates', {
    meetingType: 'resultsConference', version: v + 1,
    questions: [{ id: 'q1', sv: 'Vad lärde vi oss?', en: 'What did we learn?', kind: 'text' }, { id: 'q2', sv: 'Jag kunde bidra.', en: 'I could contribute.', kind: 'scale' }],
  }, actor));
  const latestTemplate = templates[N - 1];
  // the focus unit's meetings: 30 held (with the staff member, ended), 30 to come
  const meetings = await many(N, (m) => store.create('meetings', {
    type: 'resultsConference', title: `Möte ${m + 1}`, unitId: focus, startsAt: m < 30 ? day(-(m + 1)) : day(m - 29), schoolYear: year,
    participants: m < 30 ? [{ role: 'teacher', userId: staff }] : [], agenda: [], ...(m < 30 ? { endedAt: day(-(m + 1)) } : {}),
  }, actor));
  const held = meetings[0];
  if (!held || !latestTemplate) throw new Error('seeded');
  const response = (meetingId: string, respondentId: string) => store.create('followUpResponses', {
    meetingId, unitId: focus, templateId: latestTemplate.id, templateVersion: N, respondentId, answers: [{ questionId: 'q1', text: 'Mycket.' }, { questionId: 'q2', scale: 3 }], answeredAt: day(-1),
  }, actor);
  await many(N, (r) => response(held.id, userN(r)));
  const answered = meetings.slice(1, 10);
  await many(answered.length, (m) => response(answered[m]?.id ?? '', staff));
  // actions: 70 of the staff member's in the focus unit (every fifth done, half overdue), 55 from the held meeting, 60 elsewhere
  const actions = [
    ...await many(70, (a) => store.create('actions', {
      title: `Åtgärd ${a + 1}`, unitId: focus, ownerId: staff, dueDate: date(a % 2 === 0 ? -(a + 1) : a + 1), status: a % 5 === 0 ? 'done' : 'planned',
      originKind: 'analysis', originId: analyses[0]?.id ?? '', schoolYear: year,
    }, actor)),
    ...await many(55, (a) => store.create('actions', {
      title: `Från mötet ${a + 1}`, unitId: focus, ownerId: userN(a), dueDate: date(a + 1), status: 'inProgress', originKind: 'meeting', originId: held.id, meetingId: held.id, schoolYear: year,
    }, actor)),
    ...await many(N, (u) => store.create('actions', {
      title: 'Annan enhets åtgärd', unitId: units[u]?.id ?? '', ownerId: userN(u), dueDate: date(-5), status: 'planned', originKind: 'analysis', originId: analyses[u]?.id ?? '', schoolYear: year,
    }, actor)),
  ];
  const wheel = await many(N, (w) => store.create('yearWheel', { title: `Aktivitet ${w + 1}`, kind: 'other', schoolYear: year, date: date(w + 1) }, actor));
  return { units, indicators, actions, meetings, answeredByStaff: answered.map((m) => m.id), feedbackOfFocus: feedback[0]?.id ?? '', templateIds: templates.map((t) => t.id), wheel };
}

const isOpen = (action: Action): boolean => action.status === 'planned' || action.status === 'inProgress';
const today = date(0);

describe('every view over lists of more than a page', () => {
  let emulator: RunningEmulator;
  let server: Instance;
  let seeded: Seeded;
  let focus: string;

  beforeAll(async () => {
    emulator = await startEmulator({ lists: allLists });
    const store = createGraphStore<Entities>({ baseUrl: emulator.baseUrl, siteId: emulator.siteId, lists, throttle: { resourceUnitsPerMinute: 1_000_000_000 } });
    seeded = await seed(store);
    focus = seeded.units[0]?.id ?? '';
    server = await nextInstance(emulator, { graphPageSize: 50 });
  });
  afterAll(async () => {
    await server?.server.stop();
    await emulator?.close();
  });

  it('holds more than a page (50) of every list the product reads', async () => {
    expect(server.started.mirror.status()).toMatchObject({ synced: true, lists: mirroredLists.length, enumerated: mirroredLists.length });
    const view = await server.started.readModel.read(mirroredLists);
    for (const list of mirroredLists) expect(view.all(list).length, list).toBeGreaterThan(50);
    const focusResults = view.where('measurements', 'unitId', focus);
    expect(focusResults).toHaveLength(540);
    // the newest year's results came last: a first page of 500 would not hold them
    expect(focusResults.slice(0, 500).some((m) => m.fields.schoolYear === year)).toBe(false);
  });

  it('the overview: the newest of a unit\'s 540 results per indicator, and every list whole', async () => {
    const { status, body } = await server.call('GET', `/api/units/${focus}/overview`, 'admin');
    expect(status).toBe(200);
    const latest = (body['latestMeasurements'] as (Listed & { indicatorId: string; value: number; period: string })[]);
    expect(latest).toHaveLength(9);
    seeded.indicators.slice(0, 9).forEach((indicator, i) => {
      // of the periods that end last, the school year's value (it ends with VT and covers the whole year: comparePeriods)
      expect(latest.find((m) => m.indicatorId === indicator.id)).toMatchObject({ period: year, value: valueOf(i, 0, 'whole') });
    });
    expect(ids(body['goals'])).toHaveLength(N);
    expect(ids(body['indicators'])).toEqual(byNumber(seeded.indicators.map((i) => i.id)));
    const ofFocus = seeded.actions.filter((a) => a.fields.unitId === focus);
    expect(ids(body['openActions'])).toEqual(byNumber(ofFocus.filter((a) => isOpen(a.fields)).map((a) => a.id)));
    expect(ids(body['overdueActions'])).toEqual(byNumber(ofFocus.filter((a) => isOpen(a.fields) && a.fields.dueDate < today).map((a) => a.id)));
    expect(ids(body['nextMeetings'])).toEqual(byNumber(seeded.meetings.slice(30, 35).map((m) => m.id)));
    expect(ids(body['nextActivities'])).toEqual(byNumber(seeded.wheel.slice(0, 5).map((w) => w.id)));
    expect((body['latestFeedback'] as Listed).id).toBe(seeded.feedbackOfFocus);
  });

  it('the roll-up: every unit, every result of the year, counted as the seed says', async () => {
    const { status, body } = await server.call('GET', `/api/organizer/rollup?schoolYear=${encodeURIComponent(year)}`, 'admin');
    expect(status).toBe(200);
    const units = body['units'] as (Listed & { unitId: string; openActions: number; overdueActions: number; meetings: number; openDeficiencies: number })[];
    expect(units).toHaveLength(N);
    for (const unit of seeded.units) {
      const actions = seeded.actions.filter((a) => a.fields.unitId === unit.id && isOpen(a.fields));
      expect(units.find((u) => u.unitId === unit.id)).toMatchObject({
        openActions: actions.length,
        overdueActions: actions.filter((a) => a.fields.dueDate < today).length,
        meetings: unit.id === focus ? N : 0,
        openDeficiencies: 1,
      });
    }
    const indicators = body['indicators'] as { indicatorId: string; averages: Record<string, number>; withValue: number; meetingTarget: number }[];
    seeded.indicators.slice(0, 9).forEach((indicator, i) => {
      const values = [valueOf(i, 0, 'whole'), ...seeded.units.slice(1).map((_, u) => 20 + u + i)];
      expect(indicators.find((c) => c.indicatorId === indicator.id)).toMatchObject({
        withValue: N,
        averages: { [year]: round2(values.reduce((sum, v) => sum + v, 0) / values.length) },
        meetingTarget: values.filter((v) => v >= 50).length,
      });
    });
    expect((body['unreadFeedback'] as unknown[]).length).toBe(N);
    expect((body['overdueActions'] as unknown[]).length).toBe(seeded.units.length);
  });

  it('the report\'s data: everything of the year and the two before it, and the report itself', async () => {
    const data = await server.started.services.rollups.load(year);
    const threeYears = twentyYears().slice(0, 3);
    expect(data.measurements).toHaveLength(9 * 3 * 3 + (N - 1) * 9);
    expect(data.measurements.every((m) => threeYears.includes(m.fields.schoolYear))).toBe(true);
    expect(data.goals).toHaveLength(N);
    expect(data.analyses).toHaveLength(N);
    expect(data.actions).toHaveLength(seeded.actions.length);
    expect(data.meetings).toHaveLength(N);
    expect(data.units).toHaveLength(N);
    const report = await fetch(`${server.started.url}/api/organizer/report.docx?schoolYear=${encodeURIComponent(year)}`, { headers: { authorization: `Bearer ${await server.started.devIdp?.issue('admin')}` } });
    expect(report.status).toBe(200);
    expect(Buffer.from(await report.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
  });

  it('Mina åtgärder: every open action of the staff member, due soonest first', async () => {
    const { status, body } = await server.call('GET', '/api/my/actions?top=500', 'staff-bjork');
    expect(status).toBe(200);
    const items = body['items'] as (Listed & { dueDate: string })[];
    const expected = seeded.actions.filter((a) => a.fields.ownerId === staff && isOpen(a.fields));
    expect(byNumber(items.map((a) => a.id))).toEqual(byNumber(expected.map((a) => a.id)));
    expect(items.map((a) => a.dueDate)).toEqual([...items.map((a) => a.dueDate)].sort());
    // the default page and the next one hold the same, by position
    const first = await server.call('GET', '/api/my/actions?top=20', 'staff-bjork');
    const second = await server.call('GET', `/api/my/actions?top=20&pageToken=${encodeURIComponent(String(first.body['nextPageToken']))}`, 'staff-bjork');
    const inOrder = (page: unknown): string[] => (page as Listed[]).map((item) => item.id);
    expect([...inOrder(first.body['items']), ...inOrder(second.body['items'])]).toEqual(items.slice(0, 40).map((a) => a.id));
  });

  it('my follow-ups: the held meetings the staff member has not answered', async () => {
    const { status, body } = await server.call('GET', '/api/my/follow-ups', 'staff-bjork');
    expect(status).toBe(200);
    const expected = seeded.meetings.slice(0, 30).filter((m) => !seeded.answeredByStaff.includes(m.id));
    expect(ids(body['items'])).toEqual(byNumber(expected.map((m) => m.id)));
  });

  it('the meeting\'s live state: all its actions and answers, and the newest of 60 template versions', async () => {
    const held = seeded.meetings[0]?.id ?? '';
    const { status, body } = await server.call('GET', `/api/meetings/${held}/live`, 'admin');
    expect(status).toBe(200);
    expect(ids(body['actions'])).toEqual(byNumber(seeded.actions.filter((a) => a.fields.meetingId === held).map((a) => a.id)));
    expect(ids(body['responses'])).toHaveLength(N);
    expect((body['template'] as Listed & { version: number })).toMatchObject({ id: seeded.templateIds[N - 1], version: N });
  });

  it('the follow-up answers: every respondent of the held meeting', async () => {
    const { status, body } = await server.call('GET', `/api/units/${focus}/follow-up-answers?schoolYear=${encodeURIComponent(year)}`, 'admin');
    expect(status).toBe(200);
    const items = body['items'] as { meetingId: string; respondents: number; questions: { questionId: string; scaleMean?: number; texts: string[] }[] }[];
    expect(items.find((m) => m.meetingId === seeded.meetings[0]?.id)).toMatchObject({ respondents: N, questions: [{ questionId: 'q1' }, { questionId: 'q2', scaleMean: 3 }] });
    expect(items.find((m) => m.meetingId === seeded.meetings[0]?.id)?.questions[0]?.texts).toHaveLength(N);
  });

  it('the year wheel: every activity of the year, by date, page by page', async () => {
    const first = await server.call('GET', `/api/year-wheel?schoolYear=${encodeURIComponent(year)}&top=50`, 'admin');
    expect(first.status).toBe(200);
    const second = await server.call('GET', `/api/year-wheel?schoolYear=${encodeURIComponent(year)}&top=50&pageToken=${encodeURIComponent(String(first.body['nextPageToken']))}`, 'admin');
    expect([...ids(first.body['items']), ...ids(second.body['items'])]).toEqual(byNumber(seeded.wheel.map((w) => w.id)));
    expect(second.body['nextPageToken']).toBeUndefined();
  });
});

describe('a school year past the list view threshold', () => {
  const units = 200;
  const indicators = 9;
  let emulator: RunningEmulator;
  let store: GraphStore<Entities>;
  let server: Instance;
  let indicatorIds: string[];

  beforeAll(async () => {
    emulator = await startEmulator({ lists: allLists });
    store = createGraphStore<Entities>({ baseUrl: emulator.baseUrl, siteId: emulator.siteId, lists, throttle: { resourceUnitsPerMinute: 1_000_000_000 } });
    const made = await pool(Array.from({ length: units }, (_, u) => () => store.create('units', { name: `Skola ${u}`, type: 'grundskola', schoolUnitCode: String(50_000_000 + u), principalIds: [] }, actor)), 16);
    indicatorIds = (await pool(Array.from({ length: indicators }, (_, i) => () => store.create('indicators', { name: `Mått ${i}`, source: 'grades', unitOfMeasure: 'percent', direction: 'higherIsBetter', target: 60 }, actor)), 16)).map((i) => i.id);
    // 200 units × 9 indicators × 3 periods = 5,400 results in one school year
    await pool(made.flatMap((unit, u) => indicatorIds.flatMap((indicatorId, i) => (['HT', 'VT', 'whole'] as const).map((period) => () =>
      store.create('measurements', { indicatorId, unitId: unit.id, schoolYear: year, period: period === 'whole' ? year : `${year} ${period}`, value: (u * 7 + i * 3 + { HT: 0, VT: 1, whole: 2 }[period]) % 100 }, actor)))), 16);
    server = await nextInstance(emulator);
  }, 240_000);
  afterAll(async () => {
    await server?.server.stop();
    await emulator?.close();
  });

  it('refuses a query of the year\'s results, as SharePoint does', async () => {
    await expect(store.queryAll('measurements', { filter: [{ field: 'schoolYear', op: 'eq', value: year }] })).rejects.toThrow(/list view threshold/);
  });

  it('answers the roll-up 200 with every unit\'s whole-year value', async () => {
    const { status, body } = await server.call('GET', `/api/organizer/rollup?schoolYear=${encodeURIComponent(year)}`, 'admin');
    expect(status).toBe(200);
    expect((body['units'] as unknown[]).length).toBe(units);
    const comparisons = body['indicators'] as { indicatorId: string; averages: Record<string, number>; withValue: number; meetingTarget: number }[];
    indicatorIds.forEach((indicatorId, i) => {
      const values = Array.from({ length: units }, (_, u) => (u * 7 + i * 3 + 2) % 100);
      expect(comparisons.find((c) => c.indicatorId === indicatorId)).toMatchObject({
        withValue: units,
        meetingTarget: values.filter((v) => v >= 60).length,
        averages: { [year]: round2(values.reduce((sum, v) => sum + v, 0) / units) },
      });
    });
  });
});

/**
 * A small made-up municipality for the organizer specs: three units, two indicators, two school
 * years of results, analyses in every state, actions (one overdue), a deficiency and feedback.
 */
import type { Entities } from '../../lists/lists';
import type { Store, StoredItem } from '../../store/port';

export const fixturePeople = {
  admin: '0a000000-0000-4000-8000-000000000001',
  principalA: '0a000000-0000-4000-8000-000000000002',
  principalB: '0a000000-0000-4000-8000-000000000003',
  teacherA: '0a000000-0000-4000-8000-000000000004',
  teacherB: '0a000000-0000-4000-8000-000000000005',
} as const;

export interface Fixture {
  readonly units: { readonly a: StoredItem<Entities['units']>; readonly b: StoredItem<Entities['units']>; readonly c: StoredItem<Entities['units']> };
  readonly indicators: { readonly merit: StoredItem<Entities['indicators']>; readonly absence: StoredItem<Entities['indicators']> };
  readonly analyses: { readonly a: StoredItem<Entities['analyses']>; readonly b: StoredItem<Entities['analyses']>; readonly c: StoredItem<Entities['analyses']> };
  readonly deficiency: StoredItem<Entities['deficiencies']>;
  readonly overdueAction: StoredItem<Entities['actions']>;
}

const actor = { actor: fixturePeople.admin };

/** Seeds the fixture for school year 2025/26 (and results for 2024/25). */
export async function seedFixture(store: Store<Entities>): Promise<Fixture> {
  const units = {
    a: await store.create('units', { name: 'Alléskolan', type: 'grundskola', schoolUnitCode: '10000001', principalIds: [fixturePeople.principalA] }, actor),
    b: await store.create('units', { name: 'Backaskolan', type: 'grundskola', schoolUnitCode: '10000002', principalIds: [fixturePeople.principalB] }, actor),
    c: await store.create('units', { name: 'Centrumskolan', type: 'grundskola', schoolUnitCode: '10000003', principalIds: [] }, actor),
  };
  const indicators = {
    merit: await store.create('indicators', { name: 'Meritvärde åk 9', source: 'meritValue', unitOfMeasure: 'points', direction: 'higherIsBetter', target: 230, koladaKpi: 'N15503' }, actor),
    absence: await store.create('indicators', { name: 'Frånvaro', source: 'attendance', unitOfMeasure: 'percent', direction: 'lowerIsBetter', target: 8, koladaKpi: 'N15033' }, actor),
  };
  const measure = (indicatorId: string, unitId: string, period: string, value: number) =>
    store.create('measurements', { indicatorId, unitId, period, schoolYear: period.slice(0, 7), value }, actor);
  await measure(indicators.merit.id, units.a.id, '2024/25', 220);
  await measure(indicators.merit.id, units.a.id, '2025/26', 235);
  await measure(indicators.absence.id, units.a.id, '2025/26 HT', 9);
  await measure(indicators.absence.id, units.a.id, '2025/26 VT', 7);
  await measure(indicators.merit.id, units.b.id, '2024/25', 240);
  await measure(indicators.merit.id, units.b.id, '2025/26', 225);

  const analysis = (unitId: string, status: 'draft' | 'submitted' | 'feedbackGiven', causes: string, strengths: string[], areasToDevelop: string[]) =>
    store.create('analyses', {
      unitId, schoolYear: '2025/26', period: '2025/26', status, causes, strengths, areasToDevelop, measurementIds: [], goalIds: [],
      participants: [{ role: 'teacher', userId: fixturePeople.teacherA, displayName: 'Lärare Larsson' }, { role: 'pupils', count: 12 }],
      followUp: `Uppföljning för ${unitId}`,
      ...(status !== 'draft' ? { submittedAt: '2026-02-01T10:00:00Z', submittedBy: fixturePeople.principalA } : {}),
    }, actor);
  const analyses = {
    a: await analysis(units.a.id, 'feedbackGiven', 'Alléskolans orsaksanalys: kollegialt lärande har gett resultat.', ['Trygg miljö'], ['Studiero', 'Formativ bedömning.']),
    b: await analysis(units.b.id, 'submitted', 'Backaskolans orsaksanalys: frånvaron ökar i åk 8.', ['Engagerade lärare'], ['  studiero ', 'Ledarskap']),
    c: await analysis(units.c.id, 'draft', 'Centrumskolans utkast som inte får synas.', [], ['Hemligt utkastområde']),
  };
  await store.create('feedback', { unitId: units.a.id, analysisId: analyses.a.id, schoolYear: '2025/26', text: 'Bra analys.', authorId: fixturePeople.admin, givenAt: '2026-02-10T09:00:00Z' }, actor);

  await store.create('goals', { title: 'Höjt meritvärde', level: 'unit', unitId: units.a.id, schoolYear: '2025/26' }, actor);
  await store.create('actions', {
    title: 'Lektionsbesök i åk 7–9', unitId: units.a.id, ownerId: fixturePeople.teacherA, ownerName: 'Lärare Larsson', dueDate: '2026-05-30',
    status: 'inProgress', originKind: 'analysis', originId: analyses.a.id, schoolYear: '2025/26',
  }, actor);
  const deficiency = await store.create('deficiencies', { title: 'Brister i studiero', unitId: units.b.id, source: 'inspection', foundOn: '2025-09-15', deadline: '2026-03-01', status: 'open' }, actor);
  const overdueAction = await store.create('actions', {
    title: 'Gemensamma ordningsregler', unitId: units.b.id, ownerId: fixturePeople.teacherB, ownerName: 'Bertil Backman', dueDate: '2025-12-01',
    status: 'planned', originKind: 'deficiency', originId: deficiency.id, schoolYear: '2025/26',
  }, actor);
  await store.create('meetings', { type: 'resultsConference', title: 'Resultatkonferens HT', unitId: units.b.id, startsAt: '2025-11-10T13:00:00Z', schoolYear: '2025/26', participants: [], agenda: [] }, actor);
  return { units, indicators, analyses, deficiency, overdueAction };
}

/**
 * The fixture with what the reports print for Alléskolan's chain: a result with groups linked to
 * its analysis, the analysis' plan and evaluation, a done and evaluated action, a meeting with
 * decisions, the feedback read, and long Swedish words where tables are narrowest.
 */
export async function seedReportFixture(store: Store<Entities>): Promise<Fixture> {
  const fixture = await seedFixture(store);
  const { units, analyses } = fixture;
  const eligibility = await store.create('indicators', {
    name: 'Behörighet till gymnasieskolans yrkesprogram', source: 'eligibility', unitOfMeasure: 'percent', direction: 'higherIsBetter', target: 85, groups: ['Flickor', 'Pojkar'],
  }, actor);
  await store.create('measurements', { indicatorId: eligibility.id, unitId: units.a.id, period: '2024/25', schoolYear: '2024/25', value: 78 }, actor);
  const linked = await store.create('measurements', {
    indicatorId: eligibility.id, unitId: units.a.id, period: '2025/26', schoolYear: '2025/26', value: 81.8,
    groups: [{ group: 'Flickor', value: 84.6 }, { group: 'Pojkar', value: 79.1 }],
  }, actor);
  await store.create('measurements', { indicatorId: eligibility.id, unitId: units.b.id, period: '2025/26', schoolYear: '2025/26', value: 88.2 }, actor);
  const bullying = await store.create('indicators', { name: 'Anmälda kränkningar', source: 'krankningar', unitOfMeasure: 'count', direction: 'lowerIsBetter', target: 10 }, actor);
  await store.create('measurements', { indicatorId: bullying.id, unitId: units.a.id, period: '2024/25', schoolYear: '2024/25', value: 14 }, actor);
  await store.create('measurements', { indicatorId: bullying.id, unitId: units.a.id, period: '2025/26', schoolYear: '2025/26', value: 9 }, actor);
  const current = await store.get('analyses', analyses.a.id);
  await store.update('analyses', analyses.a.id, {
    measurementIds: [linked.id],
    direction: 'Fler elever ska bli behöriga och färre kränkningar ska ske på rasterna.',
    approach: 'Rastvärdar, trygghetsvandringar och studiestöd i matematik.',
    evaluation: 'Trygghetsvandringarna minskade kränkningarna; behörigheten steg till 81,8 procent.',
  }, { ...actor, etag: current.etag });
  await store.create('actions', {
    title: 'Uppföljningssamtal och trygghetsvandringar', unitId: units.a.id, ownerId: fixturePeople.teacherA, ownerName: 'Lärare Larsson', dueDate: '2026-02-28',
    status: 'done', evaluation: 'Eleverna pekade ut otrygga platser; rastvärdar finns där nu.', originKind: 'analysis', originId: analyses.a.id, schoolYear: '2025/26',
  }, actor);
  const feedback = (await store.query('feedback', {})).items.find((f) => f.fields.analysisId === analyses.a.id);
  if (feedback) await store.update('feedback', feedback.id, { readAt: '2026-02-12T08:30:00Z', readBy: fixturePeople.principalA }, { ...actor, etag: feedback.etag });
  await store.create('meetings', {
    type: 'resultsConference', title: 'Resultatkonferens VT', unitId: units.a.id, startsAt: '2026-02-20T13:00:00Z', schoolYear: '2025/26', participants: [],
    agenda: [{ id: '1', title: 'Uppföljningsrapporten', decisions: ['Trygghetsvandringar varje termin.'] }, { id: '2', title: 'Övrigt' }],
  }, actor);
  return fixture;
}

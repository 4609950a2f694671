/**
 * Andra enheter (`GET /other-units`, units.learn): principals read other units' submitted analyses,
 * actions and their evaluations, never a draft, and find whom to ask about a focus area; staff and
 * the board are refused like every caller-level permission (403).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OtherUnitsSchema, type OtherUnits } from '../../src/contract';
import { PERSONA_USER_IDS } from '../../src/auth/personas';
import { schoolYearOf } from '../../src/domain';
import { BJORKSKOLAN, LINDGYMNASIET, startHarness, type Harness } from './harness';

let h: Harness;
let bjork: string;
let lind: string;
const year = schoolYearOf(new Date());

beforeAll(async () => {
  h = await startHarness();
  bjork = await h.unitId(BJORKSKOLAN);
  lind = await h.unitId(LINDGYMNASIET);
});
afterAll(async () => {
  await h?.server.stop();
});

async function otherUnits(persona: 'principal-bjork' | 'principal-lind' | 'admin', query = ''): Promise<OtherUnits> {
  const response = await h.request('GET', `/api/other-units${query}`, { persona });
  expect(response.status, response.text).toBe(200);
  return OtherUnitsSchema.parse(JSON.parse(response.text));
}

describe('GET /other-units: who may read', () => {
  it('refuses staff and the board with 403 as a problem, naming no unit', async () => {
    for (const persona of ['staff-bjork', 'staff-lind', 'board'] as const) {
      const response = await h.request('GET', '/api/other-units', { persona });
      expect({ persona, status: response.status }).toEqual({ persona, status: 403 });
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(response.text).not.toContain(LINDGYMNASIET);
    }
  });

  it('refuses a search it cannot read with a 400 naming the field', async () => {
    const response = await h.request('GET', '/api/other-units?focusAreaId=abc', { persona: 'principal-bjork' });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'invalidQuery', field: 'focusAreaId' });
  });
});

describe('GET /other-units: what a principal reads', () => {
  it('shows a principal of Björkskolan Lindgymnasiet\'s submitted analysis, and not their own units', async () => {
    const view = await otherUnits('principal-bjork');
    expect(view.schoolYear).toBe(year);
    expect(view.units.map((unit) => unit.unitId)).not.toContain(bjork);
    const lindgymnasiet = view.units.find((unit) => unit.unitId === lind);
    const submitted = (await h.started.store.queryAll('analyses', { filter: [{ field: 'unitId', op: 'eq', value: lind }] }))
      .find((analysis) => analysis.fields.schoolYear === year && analysis.fields.status === 'submitted');
    expect(submitted).toBeDefined();
    expect(lindgymnasiet?.analyses.map((analysis) => analysis.id)).toEqual([submitted?.id]);
    expect(lindgymnasiet?.analyses[0]).toMatchObject({ strengths: submitted?.fields.strengths, causes: submitted?.fields.causes });
    expect(lindgymnasiet?.actions.length).toBeGreaterThan(0);
  });

  it('never shows Björkskolan\'s draft to the principal of Lindgymnasiet', async () => {
    const draft = (await h.started.store.queryAll('analyses', { filter: [{ field: 'unitId', op: 'eq', value: bjork }] }))
      .find((analysis) => analysis.fields.schoolYear === year && analysis.fields.status === 'draft');
    expect(draft).toBeDefined();
    const response = await h.request('GET', '/api/other-units', { persona: 'principal-lind' });
    const view = OtherUnitsSchema.parse(JSON.parse(response.text));
    const bjorkskolan = view.units.find((unit) => unit.unitId === bjork);
    expect(bjorkskolan).toBeDefined();
    expect(bjorkskolan?.analyses).toEqual([]);
    expect(response.text).not.toContain(`"id":"${draft?.id ?? ''}"`);
    // the single read says the same: another unit's draft is not found
    expect((await h.request('GET', `/api/analyses/${draft?.id ?? ''}`, { persona: 'principal-lind' })).status).toBe(404);
  });

  it('shows last year\'s actions with their evaluations, and no owner by name', async () => {
    const previous = (await otherUnits('principal-bjork')).schoolYears.find((candidate) => candidate < year);
    expect(previous).toBeDefined();
    const response = await h.request('GET', `/api/other-units?schoolYear=${encodeURIComponent(previous ?? '')}`, { persona: 'principal-bjork' });
    const view = OtherUnitsSchema.parse(JSON.parse(response.text));
    const done = view.units.find((unit) => unit.unitId === lind)?.actions.filter((action) => action.status === 'done') ?? [];
    expect(done.length).toBeGreaterThan(0);
    for (const action of done) expect(action.evaluation).toMatch(/\S/);
    // an action's origin analysis is linked when it is one shown here
    expect(done.some((action) => action.analysisId !== undefined)).toBe(true);
    expect(response.text).not.toContain('Farid Haddad');
    expect(response.text).not.toContain(PERSONA_USER_IDS.staffLind);
  });

  it('finds who works on a focus area, with the principal to ask and a Teams chat link', async () => {
    const boardGoal = (await h.request('POST', '/api/goals', { persona: 'admin', body: { level: 'organizer', title: 'Lärande för alla', schoolYear: year } })).body;
    const area = (await h.request('POST', '/api/goals', { persona: 'admin', body: { level: 'focusArea', title: 'Kollegialt lärande', parentGoalId: boardGoal['id'], schoolYear: year } })).body;
    const areaId = String(area['id']);
    const unitGoal = await h.request('POST', `/api/units/${lind}/goals`, { persona: 'principal-lind', body: { title: 'Lärarna lär av varandra', parentGoalId: areaId, schoolYear: year } });
    expect(unitGoal.status).toBe(201);
    const origin = (await h.started.store.queryAll('analyses', { filter: [{ field: 'unitId', op: 'eq', value: lind }] })).find((analysis) => analysis.fields.schoolYear === year);
    const action = await h.request('POST', `/api/units/${lind}/actions`, {
      persona: 'principal-lind',
      body: { title: 'Auskultationer i arbetslagen', ownerId: PERSONA_USER_IDS.staffLind, dueDate: '2027-04-30', originKind: 'analysis', originId: origin?.id ?? '', goalId: unitGoal.body['id'] },
    });
    expect(action.status).toBe(201);

    const view = await otherUnits('principal-bjork', `?focusAreaId=${areaId}`);
    expect(view.focusAreas.find((entry) => entry.focusAreaId === areaId)).toEqual({ focusAreaId: areaId, title: 'Kollegialt lärande', unitIds: [lind] });
    const lindgymnasiet = view.units.find((unit) => unit.unitId === lind);
    expect(lindgymnasiet?.actions.map((entry) => entry.title)).toEqual(['Auskultationer i arbetslagen']);
    expect(lindgymnasiet?.actions[0]?.focusAreaIds).toContain(areaId);
    expect(lindgymnasiet?.principals).toEqual([
      { userId: PERSONA_USER_IDS.principalLind, name: 'David Sjöberg', chatUrl: 'https://teams.microsoft.com/l/chat/0/0?users=david.sjoberg%40demokommun.example' },
    ]);
    // nobody else has anything under the new area
    for (const unit of view.units.filter((entry) => entry.unitId !== lind)) expect([unit.analyses, unit.actions]).toEqual([[], []]);
  });

  it('searches by indicator: the analyses that link its results, and the actions that came from them', async () => {
    const view = await otherUnits('principal-bjork');
    const indicator = view.indicators.find((entry) => entry.name.length > 0 && view.units.find((unit) => unit.unitId === lind)?.analyses[0]?.indicatorIds.includes(entry.indicatorId));
    expect(indicator).toBeDefined();
    const found = await otherUnits('principal-bjork', `?indicatorId=${indicator?.indicatorId ?? ''}`);
    const lindgymnasiet = found.units.find((unit) => unit.unitId === lind);
    expect(lindgymnasiet?.analyses).toHaveLength(1);
    for (const action of lindgymnasiet?.actions ?? []) expect(action.analysisId).toBe(lindgymnasiet?.analyses[0]?.id);
    const unused = view.indicators.length > 0 ? await otherUnits('principal-bjork', '?indicatorId=999999') : found;
    for (const unit of unused.units) expect([unit.analyses, unit.actions]).toEqual([[], []]);
  });

  it('shows the administration every unit', async () => {
    const view = await otherUnits('admin');
    expect(view.units.map((unit) => unit.unitId)).toEqual(expect.arrayContaining([bjork, lind]));
  });
});

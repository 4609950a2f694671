/**
 * Feeding the cycle through the API, as the tab does: indicators with their unit types and groups,
 * the goal hierarchy, results entered by the unit (periods by month too), and the deficiency
 * register, each rule with what it refuses and that nothing was stored then.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeficiencyRegister, GoalTree, Overview, Rollup } from '../../src/contract';
import { PERSONA_USER_IDS } from '../../src/auth/personas';
import { schoolYearOf } from '../../src/domain';
import { BJORKSKOLAN, EKBACKEN, LINDGYMNASIET, committedImport, startHarness, type Harness, type TestResponse } from './harness';

let h: Harness;
let bjork: string;
let lind: string;
let ekbacken: string;
const year = schoolYearOf(new Date());
const start = Number(year.slice(0, 4));

beforeAll(async () => {
  h = await startHarness();
  [bjork, lind, ekbacken] = await Promise.all([h.unitId(BJORKSKOLAN), h.unitId(LINDGYMNASIET), h.unitId(EKBACKEN)]);
});
afterAll(async () => {
  await h?.server.stop();
});

const id = (response: TestResponse): string => String(response.body['id']);
const etag = (response: TestResponse): Record<string, string> => ({ 'if-match': String(response.body['etag']) });

function expectProblem(response: TestResponse, status: number, code: string, field?: string): void {
  expect(response.status, response.text).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(response.body['code']).toBe(code);
  if (field !== undefined) expect(response.body['field']).toBe(field);
}

/** An indicator for compulsory schools unless told otherwise, so the preschool's follow-up below is its own. */
async function newIndicator(body: Record<string, unknown>): Promise<TestResponse> {
  const response = await h.request('POST', '/api/indicators', {
    persona: 'admin', body: { source: 'other', unitOfMeasure: 'percent', direction: 'higherIsBetter', unitTypes: ['grundskola'], ...body },
  });
  expect(response.status, response.text).toBe(201);
  return response;
}

describe('indicators', () => {
  it('keeps one indicator in use per Kolada KPI id: a second is a 409 naming the field, and nothing is stored', async () => {
    await newIndicator({ name: 'Meritvärde åk 9 (Kolada)', koladaKpi: 'N15503' });
    const before = (await h.started.store.queryAll('indicators')).length;
    const again = await h.request('POST', '/api/indicators', {
      persona: 'admin', body: { name: 'Meritvärde igen', source: 'meritValue', unitOfMeasure: 'points', direction: 'higherIsBetter', koladaKpi: 'n15503' },
    });
    expectProblem(again, 409, 'duplicate', 'koladaKpi');
    expect(String(again.body['detail'])).toContain('Meritvärde åk 9 (Kolada)');
    expect(await h.started.store.queryAll('indicators')).toHaveLength(before);
  });

  it('refuses a KPI id Kolada does not write, and a group holding a personnummer, in Swedish', async () => {
    const kpi = await h.request('POST', '/api/indicators', { persona: 'admin', body: { name: 'X', source: 'other', unitOfMeasure: 'count', direction: 'lowerIsBetter', koladaKpi: 'X1234' } });
    expectProblem(kpi, 400, 'invalidBody', 'koladaKpi');
    expect(String(kpi.body['detail'])).toContain('N15419');
    const group = await h.request('POST', '/api/indicators', {
      persona: 'admin', body: { name: 'Y', source: 'other', unitOfMeasure: 'count', direction: 'lowerIsBetter', groups: ['Flickor', 'Gäller 20121212-1212'] },
    });
    expectProblem(group, 400, 'personalIdentityNumber', 'groups.1');
    const twice = await h.request('POST', '/api/indicators', { persona: 'admin', body: { name: 'Z', source: 'other', unitOfMeasure: 'count', direction: 'lowerIsBetter', groups: ['Flickor', 'flickor'] } });
    expectProblem(twice, 400, 'invalidBody', 'groups');
  });

  it('archives an indicator: its results stay, it takes no new ones, and its KPI id is free again', async () => {
    const indicator = await newIndicator({ name: 'Läsförståelse åk 3', koladaKpi: 'N15419', unitTypes: ['grundskola'] });
    const entered = await h.request('POST', `/api/units/${bjork}/measurements`, { persona: 'principal-bjork', body: { indicatorId: id(indicator), period: `${year} HT`, value: 80 } });
    expect(entered.status).toBe(201);
    const archived = await h.request('POST', `/api/indicators/${id(indicator)}/archive`, { persona: 'admin', headers: etag(indicator) });
    expect(archived.status).toBe(200);
    const kept = await h.request('GET', `/api/units/${bjork}/measurements?indicatorId=${id(indicator)}`, { persona: 'staff-bjork' });
    expect((kept.body['items'] as unknown[]).length).toBe(1);
    expectProblem(await h.request('POST', `/api/units/${bjork}/measurements`, { persona: 'principal-bjork', body: { indicatorId: id(indicator), period: `${year} VT`, value: 81 } }), 422, 'indicatorArchived', 'indicatorId');
    await newIndicator({ name: 'Läsförståelse åk 3, ny mätning', koladaKpi: 'N15419' });
    // back in use, the id would be taken twice
    expectProblem(await h.request('POST', `/api/indicators/${id(indicator)}/restore`, { persona: 'admin', headers: etag(archived) }), 409, 'duplicate', 'koladaKpi');
  });

  it('clears an optional field sent as null, and keeps the others', async () => {
    const indicator = await newIndicator({ name: 'Trygghet, egen enkät', target: 3.2, koladaKpi: 'U15461', groups: ['Flickor'] });
    const cleared = await h.request('PATCH', `/api/indicators/${id(indicator)}`, { persona: 'admin', headers: etag(indicator), body: { target: null, koladaKpi: null } });
    expect(cleared.status, cleared.text).toBe(200);
    expect(cleared.body['target']).toBeUndefined();
    expect(cleared.body['koladaKpi']).toBeUndefined();
    expect(cleared.body['groups']).toEqual(['Flickor']);
    expectProblem(await h.request('PATCH', `/api/indicators/${id(indicator)}`, { persona: 'admin', headers: etag(cleared), body: { name: null } }), 400, 'invalidBody', 'name');
  });

  it('lets only the administration write indicators', async () => {
    const response = await h.request('POST', '/api/indicators', { persona: 'principal-bjork', body: { name: 'Egen', source: 'other', unitOfMeasure: 'count', direction: 'lowerIsBetter' } });
    expectProblem(response, 403, 'forbidden');
  });
});

describe('the follow-up phase counts only the indicators that apply to the unit\'s type', () => {
  it('moves a preschool from done to in progress with a new preschool indicator, and back once its result is in', async () => {
    const followUp = async () => ((await h.request('GET', `/api/units/${ekbacken}/overview`, { persona: 'admin' })).body as unknown as Overview).cycle.phases.followUp;
    // the seed measured every indicator that applies to preschools; the school indicators do not count
    expect(await followUp()).toBe('done');
    await newIndicator({ name: 'Andel legitimerade förskollärare', unitTypes: ['gymnasieskola'] });
    expect(await followUp()).toBe('done');
    const preschool = await newIndicator({ name: 'Barngruppernas storlek', unitOfMeasure: 'count', direction: 'lowerIsBetter', unitTypes: ['förskola'] });
    expect(await followUp()).toBe('inProgress');
    const entered = await h.request('POST', `/api/units/${ekbacken}/measurements`, { persona: 'admin', body: { indicatorId: id(preschool), period: `${year} ${start}-10`, value: 15 } });
    expect(entered.status, entered.text).toBe(201);
    expect(await followUp()).toBe('done');
  });

  it('refuses a result for an indicator that does not apply to the unit', async () => {
    const upperSecondary = await newIndicator({ name: 'Examen inom fyra år', unitTypes: ['gymnasieskola'] });
    expectProblem(await h.request('POST', `/api/units/${bjork}/measurements`, { persona: 'principal-bjork', body: { indicatorId: id(upperSecondary), period: year, value: 80 } }), 422, 'indicatorNotForUnit', 'indicatorId');
  });
});

describe('results entered by the unit', () => {
  let indicator: TestResponse;
  beforeAll(async () => {
    indicator = await newIndicator({ name: 'Närvaro per månad', unitTypes: ['grundskola', 'gymnasieskola'], groups: ['Flickor', 'Pojkar', 'Nyanlända'] });
  });

  it('lets the principal and the staff enter and correct results, and nobody outside the unit', async () => {
    const created = await h.request('POST', `/api/units/${bjork}/measurements`, {
      persona: 'staff-bjork', body: { indicatorId: id(indicator), period: `${year} ${start}-09`, value: 93.5, groups: [{ group: 'Nyanlända', value: 88 }] },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ schoolYear: year, createdByUser: PERSONA_USER_IDS.staffBjork });
    const corrected = await h.request('PATCH', `/api/measurements/${id(created)}`, { persona: 'principal-bjork', headers: etag(created), body: { value: 93.1 } });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({ value: 93.1, groups: [{ group: 'Nyanlända', value: 88 }], modifiedByUser: PERSONA_USER_IDS.principalBjork });
    expectProblem(await h.request('POST', `/api/units/${bjork}/measurements`, { persona: 'board', body: { indicatorId: id(indicator), period: `${year} ${start}-10`, value: 1 } }), 403, 'forbidden');
    expectProblem(await h.request('POST', `/api/units/${lind}/measurements`, { persona: 'staff-bjork', body: { indicatorId: id(indicator), period: `${year} ${start}-10`, value: 1 } }), 404, 'notFound');
    expectProblem(await h.request('PATCH', `/api/measurements/${id(created)}`, { persona: 'staff-lind', headers: etag(corrected), body: { value: 1 } }), 404, 'notFound');
  });

  it('answers a stale eTag, and a second result for the same cell, with 409 and the current value', async () => {
    const created = await h.request('POST', `/api/units/${bjork}/measurements`, { persona: 'principal-bjork', body: { indicatorId: id(indicator), period: `${year} HT`, value: 92 } });
    const theirs = await h.request('PATCH', `/api/measurements/${id(created)}`, { persona: 'staff-bjork', headers: etag(created), body: { value: 92.4 } });
    const stale = await h.request('PATCH', `/api/measurements/${id(created)}`, { persona: 'principal-bjork', headers: etag(created), body: { value: 91 } });
    expectProblem(stale, 409, 'conflict');
    expect(stale.body['current']).toMatchObject({ id: id(created), value: 92.4, etag: theirs.body['etag'] });
    const second = await h.request('POST', `/api/units/${bjork}/measurements`, { persona: 'staff-bjork', body: { indicatorId: id(indicator), period: `${year} HT`, value: 90 } });
    expectProblem(second, 409, 'conflict');
    expect(second.body['current']).toMatchObject({ id: id(created), value: 92.4 });
    // the same value again is the same result, not a second one
    const same = await h.request('POST', `/api/units/${bjork}/measurements`, { persona: 'staff-bjork', body: { indicatorId: id(indicator), period: `${year} HT`, value: 92.4 } });
    expect(same.status).toBe(201);
    expect(id(same)).toBe(id(created));
  });

  it('refuses a period that is not one of the school year\'s, and a group the indicator has not', async () => {
    const before = (await h.started.store.queryAll('measurements', { filter: [{ field: 'unitId', op: 'eq', value: bjork }] })).length;
    const outside = await h.request('POST', `/api/units/${bjork}/measurements`, { persona: 'principal-bjork', body: { indicatorId: id(indicator), period: `${year} ${start + 1}-08`, value: 90 } });
    expectProblem(outside, 400, 'invalidBody', 'period');
    expect(String(outside.body['detail'])).toContain('2025/26 2025-10');
    const group = await h.request('POST', `/api/units/${bjork}/measurements`, {
      persona: 'principal-bjork', body: { indicatorId: id(indicator), period: `${year} ${start}-11`, value: 90, groups: [{ group: 'Flickor', value: 91 }, { group: 'Åk 9', value: 89 }] },
    });
    expectProblem(group, 422, 'groupNotOfIndicator', 'groups.1.group');
    expect((await h.started.store.queryAll('measurements', { filter: [{ field: 'unitId', op: 'eq', value: bjork }] })).length).toBe(before);
  });

  it('gives the roll-up the school year\'s value, else the latest term\'s, else the latest month\'s', async () => {
    const monthly = await newIndicator({ name: 'Närvaro, månadsvis i roll-upen', unitTypes: ['gymnasieskola'] });
    const put = (period: string, value: number) => h.request('POST', `/api/units/${lind}/measurements`, { persona: 'principal-lind', body: { indicatorId: id(monthly), period, value } });
    const shown = async () => {
      const rollup = (await h.request('GET', `/api/organizer/rollup?schoolYear=${encodeURIComponent(year)}`, { persona: 'admin' })).body as unknown as Rollup;
      return rollup.indicators.find((i) => i.indicatorId === id(monthly))?.units.find((u) => u.unitId === lind)?.values[year];
    };
    await put(`${year} ${start}-09`, 90);
    await put(`${year} ${start}-11`, 94);
    await put(`${year} ${start}-10`, 91);
    expect(await shown()).toBe(94);
    await put(`${year} HT`, 92);
    expect(await shown()).toBe(92);
    await put(year, 93);
    expect(await shown()).toBe(93);
  });
});

describe('the goal hierarchy', () => {
  it('sets organizer goals and areas, puts unit goals under them, and shows the actions under each', async () => {
    const boardGoal = await h.request('POST', '/api/goals', { persona: 'admin', body: { level: 'organizer', title: 'Ökad måluppfyllelse i matematik', schoolYear: year } });
    expect(boardGoal.status).toBe(201);
    const area = await h.request('POST', '/api/goals', { persona: 'admin', body: { level: 'focusArea', title: 'Kompensatoriska uppdraget', parentGoalId: id(boardGoal), schoolYear: year } });
    expect(area.status).toBe(201);
    expectProblem(await h.request('POST', '/api/goals', { persona: 'principal-bjork', body: { level: 'organizer', title: 'Eget nämndmål', schoolYear: year } }), 403, 'forbidden');

    expectProblem(await h.request('POST', `/api/units/${bjork}/goals`, { persona: 'principal-bjork', body: { title: 'Utan förälder', schoolYear: year } }), 422, 'parentGoalRequired', 'parentGoalId');
    expectProblem(await h.request('POST', `/api/units/${bjork}/goals`, { persona: 'principal-bjork', body: { title: 'Fel år', parentGoalId: id(area), schoolYear: `${start + 1}/${String((start + 2) % 100).padStart(2, '0')}` } }), 422, 'parentGoalOtherYear', 'parentGoalId');
    const unitGoal = await h.request('POST', `/api/units/${bjork}/goals`, { persona: 'principal-bjork', body: { title: 'Nyanlända elever når målen i matematik', parentGoalId: id(area), schoolYear: year } });
    expect(unitGoal.status).toBe(201);

    const origin = (await h.started.store.queryAll('analyses', { filter: [{ field: 'unitId', op: 'eq', value: bjork }] }))[0];
    const action = await h.request('POST', `/api/units/${bjork}/actions`, {
      persona: 'principal-bjork',
      body: { title: 'Studiehandledning på modersmål', ownerId: PERSONA_USER_IDS.staffBjork, dueDate: `${start + 1}-03-01`, originKind: 'analysis', originId: origin?.id ?? '1', goalId: id(unitGoal), schoolYear: year },
    });
    expect(action.status, action.text).toBe(201);

    const tree = (await h.request('GET', `/api/units/${bjork}/goal-tree?schoolYear=${encodeURIComponent(year)}`, { persona: 'staff-bjork' })).body as unknown as GoalTree;
    const under = tree.organizerGoals.find((g) => g.goal.id === id(boardGoal))?.areas.find((a) => a.goal.id === id(area))?.unitGoals;
    expect(under?.map((u) => [u.goal.title, u.actions.map((a) => [a.title, a.status])])).toEqual([['Nyanlända elever når målen i matematik', [['Studiehandledning på modersmål', 'planned']]]]);
    // another unit sees the organizer's goals and its own, not Björkskolan's
    const lindTree = (await h.request('GET', `/api/units/${lind}/goal-tree?schoolYear=${encodeURIComponent(year)}`, { persona: 'principal-lind' })).body as unknown as GoalTree;
    expect(lindTree.organizerGoals.find((g) => g.goal.id === id(boardGoal))?.areas.find((a) => a.goal.id === id(area))?.unitGoals).toEqual([]);
    const whole = (await h.request('GET', `/api/organizer/goal-tree?schoolYear=${encodeURIComponent(year)}`, { persona: 'board' })).body as unknown as GoalTree;
    expect(JSON.stringify(whole)).not.toContain(PERSONA_USER_IDS.staffBjork);
    expect(whole.organizerGoals.find((g) => g.goal.id === id(boardGoal))?.areas[0]?.unitGoals.map((u) => u.goal.unitId)).toEqual([bjork]);

    // an area with a goal under it stays
    const stored = await h.started.store.get('goals', id(area));
    expectProblem(await h.request('DELETE', `/api/goals/${id(area)}`, { persona: 'admin', headers: { 'if-match': stored.etag } }), 422, 'goalInUse');
    expect((await h.started.store.get('goals', id(area))).etag).toBe(stored.etag);
  });

  it('lets a unit reach "Planering: Klar" with goals and actions made in the product', async () => {
    const nextYear = `${start + 1}/${String((start + 2) % 100).padStart(2, '0')}`;
    const overview = (await h.request('GET', `/api/units/${lind}/overview?schoolYear=${encodeURIComponent(nextYear)}`, { persona: 'principal-lind' })).body as unknown as Overview;
    expect(overview.cycle.phases.planning).toBe('notStarted');
    const area = await h.request('POST', '/api/goals', { persona: 'admin', body: { level: 'focusArea', title: 'Studiero', schoolYear: nextYear } });
    await h.request('POST', `/api/units/${lind}/goals`, { persona: 'principal-lind', body: { title: 'Studiero på alla lektioner', parentGoalId: id(area), schoolYear: nextYear } });
    const deficiency = await h.request('POST', `/api/units/${lind}/deficiencies`, { persona: 'principal-lind', body: { title: 'Stökiga lektionsstarter', source: 'indicator', foundOn: `${start + 1}-02-01` } });
    await h.request('POST', `/api/units/${lind}/actions`, {
      persona: 'principal-lind', body: { title: 'Gemensam lektionsstart', ownerId: PERSONA_USER_IDS.staffLind, dueDate: `${start + 1}-09-01`, originKind: 'deficiency', originId: id(deficiency), schoolYear: nextYear },
    });
    const after = (await h.request('GET', `/api/units/${lind}/overview?schoolYear=${encodeURIComponent(nextYear)}`, { persona: 'principal-lind' })).body as unknown as Overview;
    expect(after.cycle.phases.planning).toBe('done');
  });
});

describe('the deficiency register', () => {
  it('records an inspection finding, flags it without an action and past its deadline, on the overview and in the roll-up', async () => {
    const created = await h.request('POST', `/api/units/${bjork}/deficiencies`, {
      persona: 'principal-bjork',
      body: { title: 'Skolinspektionen: extra anpassningar dokumenteras inte', source: 'inspection', caseNumber: `SI ${start}:5187`, foundOn: `${start}-09-01`, deadline: `${start}-11-30` },
    });
    expect(created.status, created.text).toBe(201);
    const overview = (await h.request('GET', `/api/units/${bjork}/overview`, { persona: 'staff-bjork' })).body as unknown as Overview;
    expect(overview.openDeficiencies.find((d) => d.deficiency.id === id(created))).toMatchObject({ withoutAction: true, overdue: true, closeBlocker: 'deficiencyWithoutAction' });
    const rollup = (await h.request('GET', '/api/organizer/rollup', { persona: 'board' })).body as unknown as Rollup;
    expect(rollup.deficiencies.find((d) => d.id === id(created))).toMatchObject({ withoutAction: true, overdue: true });
    expect(rollup.units.find((u) => u.unitId === bjork)?.deficienciesWithoutAction).toBeGreaterThanOrEqual(1);
    const overdue = (await h.request('GET', `/api/units/${bjork}/deficiency-register?overdue=true`, { persona: 'staff-bjork' })).body as unknown as DeficiencyRegister;
    expect(overdue.items.map((e) => e.deficiency.id)).toContain(id(created));
    const complaints = (await h.request('GET', `/api/units/${bjork}/deficiency-register?source=complaint`, { persona: 'staff-bjork' })).body as unknown as DeficiencyRegister;
    expect(complaints.items.every((e) => e.deficiency.source === 'complaint')).toBe(true);
  });

  it('closes a deficiency only once one of its actions is done and evaluated', async () => {
    const deficiency = await h.request('POST', `/api/units/${bjork}/deficiencies`, { persona: 'principal-bjork', body: { title: 'Klagomål: otrygg matsal', source: 'complaint', foundOn: `${start}-10-05` } });
    const action = await h.request('POST', `/api/units/${bjork}/actions`, {
      persona: 'principal-bjork', body: { title: 'Vuxna i matsalen', ownerId: PERSONA_USER_IDS.staffBjork, dueDate: `${start}-12-20`, originKind: 'deficiency', originId: id(deficiency) },
    });
    const close = (headers: Record<string, string>) => h.request('PATCH', `/api/deficiencies/${id(deficiency)}`, { persona: 'principal-bjork', headers, body: { status: 'closed' } });
    expectProblem(await close(etag(deficiency)), 422, 'deficiencyNotEvaluated', 'status');
    // an action is done only with its evaluation: without one it stays open, and the deficiency with it
    const unevaluated = await h.request('PATCH', `/api/actions/${id(action)}`, { persona: 'staff-bjork', headers: etag(action), body: { status: 'done' } });
    expectProblem(unevaluated, 400, 'evaluationRequired', 'evaluation');
    expectProblem(await close(etag(deficiency)), 422, 'deficiencyNotEvaluated', 'status');
    const register = (await h.request('GET', `/api/units/${bjork}/deficiency-register?source=complaint`, { persona: 'principal-bjork' })).body as unknown as DeficiencyRegister;
    expect(register.items.find((e) => e.deficiency.id === id(deficiency))).toMatchObject({ closeBlocker: 'deficiencyNotEvaluated', actions: [{ id: id(action), status: 'planned' }] });
    const done = await h.request('PATCH', `/api/actions/${id(action)}`, {
      persona: 'staff-bjork', headers: etag(action), body: { status: 'done', evaluation: 'Eleverna säger i enkäten att matsalen känns tryggare.' },
    });
    expect(done.status, done.text).toBe(200);
    const closed = await close(etag(deficiency));
    expect(closed.status, closed.text).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', closedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  });

  it('refuses a case number Skolinspektionen does not write and a deadline before the finding, storing nothing', async () => {
    const before = (await h.started.store.queryAll('deficiencies')).length;
    const bad = await h.request('POST', `/api/units/${bjork}/deficiencies`, { persona: 'principal-bjork', body: { title: 'Brist', source: 'inspection', caseNumber: '5187', foundOn: `${start}-09-01` } });
    expectProblem(bad, 400, 'invalidCaseNumber', 'caseNumber');
    expect(String(bad.body['detail'])).toContain('SI 2026:1234');
    expectProblem(await h.request('POST', `/api/units/${bjork}/deficiencies`, { persona: 'principal-bjork', body: { title: 'Brist', source: 'other', foundOn: `${start}-09-01`, deadline: `${start}-08-01` } }), 422, 'deadlineBeforeFound', 'deadline');
    expectProblem(await h.request('POST', `/api/units/${bjork}/deficiencies`, { persona: 'principal-bjork', body: { title: 'Brist', source: 'other', foundOn: `${start}-09-01`, description: 'Eleven 20121212-1212 utsattes' } }), 400, 'personalIdentityNumber', 'description');
    expect(await h.started.store.queryAll('deficiencies')).toHaveLength(before);
  });

  it('gives the board the organizer\'s register without action owners', async () => {
    const register = (await h.request('GET', '/api/organizer/deficiencies?status=open', { persona: 'board' })).body as unknown as DeficiencyRegister;
    expect(register.items.length).toBeGreaterThan(0);
    expect(register.items.every((e) => e.deficiency.status === 'open')).toBe(true);
    expect(JSON.stringify(register)).not.toContain('ownerName');
    const admin = (await h.request('GET', '/api/organizer/deficiencies', { persona: 'admin' })).body as unknown as DeficiencyRegister;
    expect(JSON.stringify(admin)).toContain('ownerName');
    expectProblem(await h.request('GET', '/api/organizer/deficiencies', { persona: 'principal-bjork' }), 403, 'forbidden');
  });
});

describe('the Kolada import on KPI ids set in the product', () => {
  it('imports rows by the KPI id an indicator was given, with the groups for flickor and pojkar', async () => {
    await newIndicator({ name: 'Elever i åk 9 som är behöriga till gymnasiet', koladaKpi: 'N15428', unitTypes: ['grundskola'], groups: ['Flickor', 'Pojkar'] });
    const csv = `kpi;ou;period;value;gender\nN15428;91234501;${start - 3};87,5;T\nN15428;91234501;${start - 3};90,1;K\nN15428;91234501;${start - 3};84,9;M\n`;
    const result = await committedImport(h, { kind: 'kolada', csv });
    expect(result.status, result.text).toBe(200);
    expect(result.body).toMatchObject({ state: 'done', created: 1, updated: 0 });
    const stored = await h.started.store.queryAll('measurements', { filter: [{ field: 'unitId', op: 'eq', value: bjork }] });
    expect(stored.find((m) => m.fields.period === `${start - 4}/${String((start - 3) % 100).padStart(2, '0')}` && m.fields.value === 87.5)?.fields.groups).toEqual([{ group: 'Flickor', value: 90.1 }, { group: 'Pojkar', value: 84.9 }]);
  });
});

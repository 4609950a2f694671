/**
 * The goal tree and the deficiency register are views of the read model: on two instances with
 * their own mirrors over one emulator, a write on one is in the next view on the other, and a
 * register longer than a page of the lists (here 10 items) is listed whole.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONA_USER_IDS } from '../../src/auth/personas';
import { schoolYearOf } from '../../src/domain';
import { firstInstance, nextInstance, type Instance } from './instances';
import { BJORKSKOLAN } from './harness';

/** A page of Graph's answers, small enough that the demo's lists and the register span several. */
const graphPageSize = 10;
const year = schoolYearOf(new Date());

let one: Instance;
let two: Instance;
let unitId: string;

beforeAll(async () => {
  one = await firstInstance({ graphPageSize });
  const emulator = one.started.emulator;
  if (!emulator) throw new Error('the first instance runs the emulator');
  two = await nextInstance(emulator, { graphPageSize });
  const units = await one.started.store.queryAll('units');
  unitId = units.find((unit) => unit.fields.name === BJORKSKOLAN)?.id ?? '';
});

afterAll(async () => {
  await two?.server.stop();
  await one?.server.stop();
});

interface Entry {
  readonly deficiency: { readonly id: string; readonly title: string; readonly unitId: string };
}
const entryIds = (body: Record<string, unknown>): string[] => ((body['items'] as Entry[] | undefined) ?? []).map((entry) => entry.deficiency.id);

describe('the deficiency register from the read model', () => {
  it('lists a deficiency written on one instance in the next register on the other, and more than a page of them whole', async () => {
    const before = await two.call('GET', `/api/units/${unitId}/deficiency-register`, 'principal-bjork');
    expect(before.status).toBe(200);
    const created: string[] = [];
    for (let i = 0; i < graphPageSize + 2; i++) {
      const writer = i % 2 === 0 ? one : two;
      const reply = await writer.call('POST', `/api/units/${unitId}/deficiencies`, 'principal-bjork', { body: { title: `Brist nummer ${i + 1}`, source: 'other', foundOn: '2026-10-01' } });
      expect(reply.status).toBe(201);
      created.push(String(reply.body['id']));
      // the next view on the other instance has it
      const reader = writer === one ? two : one;
      const register = await reader.call('GET', `/api/units/${unitId}/deficiency-register`, 'principal-bjork');
      expect(entryIds(register.body)).toContain(created[i]);
    }

    const unitRegister = await two.call('GET', `/api/units/${unitId}/deficiency-register?status=open`, 'principal-bjork');
    const listed = entryIds(unitRegister.body);
    expect(listed.length).toBeGreaterThan(graphPageSize);
    expect(listed).toEqual(expect.arrayContaining(created));
    expect(new Set(listed).size).toBe(listed.length);
    expect(entryIds((await one.call('GET', `/api/units/${unitId}/deficiency-register`, 'principal-bjork')).body)).toHaveLength(entryIds(before.body).length + created.length);

    const organizer = await one.call('GET', '/api/organizer/deficiencies', 'admin');
    expect(organizer.status).toBe(200);
    const all = (organizer.body['items'] as Entry[] | undefined) ?? [];
    expect(all.filter((entry) => entry.deficiency.unitId === unitId).map((entry) => entry.deficiency.id)).toEqual(expect.arrayContaining(created));
    // every unit's, not only Björkskolan's
    expect(new Set(all.map((entry) => entry.deficiency.unitId)).size).toBeGreaterThan(1);
  });

  it('shows an action answering a deficiency, written on one instance, in the other\'s register', async () => {
    const deficiency = await one.call('POST', `/api/units/${unitId}/deficiencies`, 'principal-bjork', { body: { title: 'Brist som får en åtgärd', source: 'complaint', foundOn: '2026-10-02' } });
    expect(deficiency.status).toBe(201);
    const action = await two.call('POST', `/api/units/${unitId}/actions`, 'principal-bjork', {
      body: { title: 'Åtgärd mot bristen', ownerId: PERSONA_USER_IDS.staffBjork, dueDate: `${year.slice(0, 4)}-12-01`, originKind: 'deficiency', originId: deficiency.body['id'] },
    });
    expect(action.status, JSON.stringify(action.body)).toBe(201);
    const register = await one.call('GET', `/api/units/${unitId}/deficiency-register?withoutAction=true`, 'principal-bjork');
    expect(entryIds(register.body)).not.toContain(deficiency.body['id']);
    const all = await one.call('GET', `/api/units/${unitId}/deficiency-register`, 'principal-bjork');
    const entry = ((all.body['items'] as (Entry & { actions: { id: string }[]; withoutAction: boolean })[] | undefined) ?? []).find((e) => e.deficiency.id === deficiency.body['id']);
    expect(entry).toMatchObject({ withoutAction: false, actions: [expect.objectContaining({ id: action.body['id'] })] });
  });
});

describe('the goal tree from the read model', () => {
  it('shows a unit goal written on one instance in the next goal tree on the other, the unit\'s and the organizer\'s', async () => {
    const organizerGoals = await two.call('GET', `/api/goals?schoolYear=${encodeURIComponent(year)}`, 'principal-bjork');
    const parentGoalId = String(((organizerGoals.body['items'] as { id: string }[] | undefined) ?? [])[0]?.id);
    const goal = await one.call('POST', `/api/units/${unitId}/goals`, 'principal-bjork', { body: { title: 'Mål från det ena', schoolYear: year, parentGoalId } });
    expect(goal.status).toBe(201);
    const unitTree = await two.call('GET', `/api/units/${unitId}/goal-tree?schoolYear=${encodeURIComponent(year)}`, 'principal-bjork');
    expect(unitTree.status).toBe(200);
    expect(JSON.stringify(unitTree.body)).toContain('Mål från det ena');
    const organizerTree = await two.call('GET', `/api/organizer/goal-tree?schoolYear=${encodeURIComponent(year)}`, 'admin');
    expect(organizerTree.status).toBe(200);
    expect(JSON.stringify(organizerTree.body)).toContain('Mål från det ena');

    const organizerGoal = await two.call('POST', '/api/goals', 'admin', { body: { title: 'Nämndmål från det andra', schoolYear: year, level: 'organizer' } });
    expect(organizerGoal.status, JSON.stringify(organizerGoal.body)).toBe(201);
    const listed = await one.call('GET', `/api/goals?schoolYear=${encodeURIComponent(year)}`, 'principal-bjork');
    expect(((listed.body['items'] as { id: string }[] | undefined) ?? []).map((g) => g.id)).toContain(organizerGoal.body['id']);
  });
});

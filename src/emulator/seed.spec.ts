import { describe, expect, it } from 'vitest';
import { PERSONA_USER_IDS, STAFF_GROUP_IDS } from '../auth/personas';
import { containsPersonalIdentityNumber, deriveCycleState } from '../domain';
import { lists, type Entities } from '../lists/lists';
import { createMemoryStore } from '../store/memory-store';
import { seedDemo } from './seed';

const today = new Date('2026-11-23T08:00:00Z');

describe('seedDemo', () => {
  it('seeds six units of different types with two school years, valid against the domain', async () => {
    const store = createMemoryStore<Entities>(lists);
    const result = await seedDemo(store, { today });
    expect(result.seeded).toBe(true);
    const units = await store.queryAll('units');
    expect(units).toHaveLength(6);
    expect(new Set(units.map((u) => u.fields.type)).size).toBe(5);
    const years = new Set((await store.queryAll('analyses')).map((a) => a.fields.schoolYear));
    expect([...years].sort()).toEqual(['2025/26', '2026/27']);
    for (const key of ['goals', 'indicators', 'measurements', 'actions', 'deficiencies', 'meetings', 'yearWheel', 'feedback', 'followUpTemplates'] as const) {
      expect((await store.queryAll(key)).length, key).toBeGreaterThan(0);
    }
  });

  it('makes the personas principals and staff of their units', async () => {
    const store = createMemoryStore<Entities>(lists);
    await seedDemo(store, { today });
    const units = await store.queryAll('units');
    const bjork = units.find((u) => u.fields.name.startsWith('Björkskolan'));
    expect(bjork?.fields.principalIds).toContain(PERSONA_USER_IDS.principalBjork);
    expect(bjork?.fields.staffGroupId).toBe(STAFF_GROUP_IDS.bjorkskolan);
    const mine = await store.queryAll('actions', { filter: [{ field: 'ownerId', op: 'eq', value: PERSONA_USER_IDS.staffBjork }] });
    expect(mine.some((a) => a.fields.status !== 'done' && a.fields.dueDate < '2026-11-23')).toBe(true);
  });

  it('gives the units different cycle states for the current school year', async () => {
    const store = createMemoryStore<Entities>(lists);
    await seedDemo(store, { today });
    const [units, measurements, analyses, goals, actions] = await Promise.all([
      store.queryAll('units'), store.queryAll('measurements'), store.queryAll('analyses'), store.queryAll('goals'), store.queryAll('actions'),
    ]);
    const states = units.map((unit) => {
      const of = <T extends { unitId?: string }>(items: { fields: T }[]) => items.map((i) => i.fields).filter((f) => f.unitId === unit.id);
      return deriveCycleState('2026/27', {
        indicatorIds: [...new Set(of(measurements).map((m) => m.indicatorId))],
        measurements: of(measurements), analyses: of(analyses), goals: of(goals), actions: of(actions),
      }).phases.analysis;
    });
    expect(new Set(states)).toEqual(new Set(['inProgress', 'done', 'notStarted']));
  });

  it('does nothing on a second start, and holds no personnummer', async () => {
    const store = createMemoryStore<Entities>(lists);
    await seedDemo(store, { today });
    const before = (await store.queryAll('actions')).length;
    expect(await seedDemo(store, { today })).toEqual({ seeded: false, items: 0 });
    expect(await store.queryAll('actions')).toHaveLength(before);
    const texts = (await store.queryAll('analyses')).flatMap((a) => [a.fields.causes ?? '', a.fields.followUp ?? '']);
    expect(texts.some(containsPersonalIdentityNumber)).toBe(false);
  });
});

describe('seedDemo deficiencies', () => {
  it('gives a unit without a current analysis its open inspection deficiency, and another unit one with an action', async () => {
    const store = createMemoryStore<Entities>(lists);
    await seedDemo(store, { today });
    const deficiencies = await store.queryAll('deficiencies');
    expect(deficiencies.map((d) => d.fields.source).sort()).toEqual(['inspection', 'krankning']);
    const actions = await store.queryAll('actions');
    const taken = (id: string) => actions.filter((a) => a.fields.originKind === 'deficiency' && a.fields.originId === id).length;
    expect(deficiencies.map((d) => taken(d.id)).sort()).toEqual([0, 1]);
  });
});

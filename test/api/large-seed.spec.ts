/**
 * The large municipality (`SEED=large`), generated at a smaller shape with the same generator:
 * 64 units over two school years, whose last full year holds more results than SharePoint's
 * list view threshold. Every view named by the scale issue answers, and answers what the seed
 * says: the roll-up of both years, every unit's overview and Mina åtgärder, computed here from
 * the items as the lists hold them (read back through the change feed, not through the views).
 * And the seed itself: deterministic, idempotent, finished when it was stopped half-way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONA_USER_IDS } from '../../src/auth/personas';
import { comparePeriods, isoDay, parsePeriod, previousSchoolYear, schoolYearOf, type SchoolYear } from '../../src/domain';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index';
import { largePeople, seedLarge, type LargeShape } from '../../src/emulator/seed-large';
import { allLists, lists, mirroredLists, type Entities } from '../../src/lists/lists';
import { createGraphStore, type GraphStore } from '../../src/store/graph-store';
import type { StoredItem } from '../../src/store/port';
import { nextInstance, type Instance } from './instances';

const now = new Date('2026-11-20T10:00:00Z');
const today = isoDay(now);
const current = schoolYearOf(now);
const previous = previousSchoolYear(current);
const shape: LargeShape = { units: 64, years: 2 };
const byNumber = (ids: readonly string[]): string[] => [...ids].sort((a, b) => Number(a) - Number(b));
const isOpen = (status: string): boolean => status === 'planned' || status === 'inProgress';

const fastStore = (emulator: RunningEmulator): GraphStore<Entities> =>
  createGraphStore<Entities>({ baseUrl: emulator.baseUrl, siteId: emulator.siteId, lists, throttle: { resourceUnitsPerMinute: 1_000_000_000 } });

/** Every item of a list as the list holds it, through the change feed (no query, no threshold). */
async function everything<K extends keyof Entities & string>(store: GraphStore<Entities>, list: K): Promise<StoredItem<Entities[K]>[]> {
  const items: StoredItem<Entities[K]>[] = [];
  let token: string | undefined;
  for (let pages = 0; pages < 10_000; pages++) {
    const [page] = await store.changes([token === undefined ? { list } : { list, token }]);
    if (!page || page.kind === 'expired') throw new Error(`${list}: no changes page`);
    items.push(...(page.items as StoredItem<Entities[K]>[]));
    if (page.kind === 'done') return items;
    token = page.token;
  }
  throw new Error(`${list}: still paging`);
}

type Lists = { [K in keyof Entities & string]: StoredItem<Entities[K]>[] };

async function allItems(store: GraphStore<Entities>): Promise<Lists> {
  const entries = await Promise.all(mirroredLists.map(async (list) => [list, await everything(store, list)] as const));
  return Object.fromEntries(entries) as unknown as Lists;
}

/** The value the roll-up compares for a unit and year, restated: the year's, else the latest term's, else the latest month's. */
function yearValue(results: readonly StoredItem<Entities['measurements']>[], year: SchoolYear): number | undefined {
  const ofYear = results.filter((m) => parsePeriod(m.fields.period)?.schoolYear === year);
  for (const kind of ['schoolYear', 'term', 'month'] as const) {
    const ofKind = ofYear.filter((m) => parsePeriod(m.fields.period)?.kind === kind).sort((a, b) => comparePeriods(b.fields.period, a.fields.period));
    if (ofKind[0]) return ofKind[0].fields.value;
  }
  return undefined;
}

describe('the large municipality, at a smaller shape', () => {
  let emulator: RunningEmulator;
  let server: Instance;
  let seeded: Lists;

  beforeAll(async () => {
    emulator = await startEmulator({ lists: allLists });
    const store = fastStore(emulator);
    const result = await seedLarge(store, { shape, today: now });
    expect(result.seeded).toBe(true);
    seeded = await allItems(store);
    expect(result.items).toBe(Object.values(seeded).reduce((sum, items) => sum + items.length, 0));
    server = await nextInstance(emulator, { now: () => now, graphPageSize: 200 });
  }, 240_000);
  afterAll(async () => {
    await server?.server.stop();
    await emulator?.close();
  });

  it('is a municipality of every school form, one of whose years is past the list view threshold, with no pupil in it', () => {
    expect(seeded.units).toHaveLength(shape.units);
    expect(new Set(seeded.units.map((u) => u.fields.type)).size).toBe(7);
    expect(seeded.indicators).toHaveLength(30);
    expect(seeded.measurements.filter((m) => m.fields.schoolYear === previous).length).toBeGreaterThan(5_000);
    expect(new Set(seeded.measurements.map((m) => parsePeriod(m.fields.period)?.kind))).toEqual(new Set(['month', 'term', 'schoolYear']));
    expect(seeded.measurements.some((m) => m.fields.groups?.some((g) => g.group === 'Nyanlända'))).toBe(true);
    expect(seeded.actions.length).toBe(shape.units * shape.years * 13);
    // no result of a period that is not over yet
    expect(seeded.measurements.every((m) => !m.fields.period.includes(today.slice(0, 7)))).toBe(true);
    const people = new Set([...largePeople(shape).map((p) => p.id), ...Object.values(PERSONA_USER_IDS)]);
    expect(seeded.actions.every((a) => people.has(a.fields.ownerId))).toBe(true);
  });

  it.each([[current], [previous]])('the roll-up of %s: every unit and every indicator as the lists say', async (year) => {
    const { status, body } = await server.call('GET', `/api/organizer/rollup?schoolYear=${encodeURIComponent(year)}`, 'admin');
    expect(status).toBe(200);
    const rows = body['units'] as { unitId: string; openActions: number; overdueActions: number; meetings: number; openDeficiencies: number }[];
    expect(rows).toHaveLength(shape.units);
    for (const unit of seeded.units) {
      const open = seeded.actions.filter((a) => a.fields.unitId === unit.id && a.fields.schoolYear === year && isOpen(a.fields.status));
      expect(rows.find((row) => row.unitId === unit.id), unit.fields.name).toMatchObject({
        openActions: open.length,
        overdueActions: open.filter((a) => a.fields.dueDate < today).length,
        meetings: seeded.meetings.filter((m) => m.fields.unitId === unit.id && m.fields.schoolYear === year).length,
        openDeficiencies: seeded.deficiencies.filter((d) => d.fields.unitId === unit.id && d.fields.status === 'open').length,
      });
    }
    const comparisons = body['indicators'] as { indicatorId: string; averages: Record<string, number>; withValue: number; meetingTarget: number }[];
    expect(comparisons).toHaveLength(30);
    for (const indicator of seeded.indicators) {
      const values = seeded.units
        .map((unit) => yearValue(seeded.measurements.filter((m) => m.fields.unitId === unit.id && m.fields.indicatorId === indicator.id), year))
        .filter((value): value is number => value !== undefined);
      const { target, direction } = indicator.fields;
      const expected = {
        withValue: values.length,
        meetingTarget: target === undefined ? 0 : values.filter((v) => (direction === 'higherIsBetter' ? v >= target : v <= target)).length,
      };
      const comparison = comparisons.find((c) => c.indicatorId === indicator.id);
      expect(comparison, indicator.fields.name).toMatchObject(expected);
      // the mean to two decimals (summed in another order, it may round the other way at the last decimal)
      if (values.length > 0) expect(comparison?.averages[year], indicator.fields.name).toBeCloseTo(values.reduce((sum, v) => sum + v, 0) / values.length, 1);
    }
  });

  it('every unit\'s overview: the newest result of each indicator, the open and overdue actions of the year', async () => {
    for (const unit of seeded.units) {
      const { status, body } = await server.call('GET', `/api/units/${unit.id}/overview`, 'admin');
      expect(status, unit.fields.name).toBe(200);
      const latest = body['latestMeasurements'] as { id: string; indicatorId: string }[];
      const ofUnit = seeded.measurements.filter((m) => m.fields.unitId === unit.id);
      const newest = new Map<string, StoredItem<Entities['measurements']>>();
      for (const m of ofUnit) {
        const seen = newest.get(m.fields.indicatorId);
        if (!seen || comparePeriods(m.fields.period, seen.fields.period) > 0) newest.set(m.fields.indicatorId, m);
      }
      expect(byNumber(latest.map((m) => m.id)), unit.fields.name).toEqual(byNumber([...newest.values()].map((m) => m.id)));
      const open = seeded.actions.filter((a) => a.fields.unitId === unit.id && a.fields.schoolYear === current && isOpen(a.fields.status));
      expect(byNumber((body['openActions'] as { id: string }[]).map((a) => a.id))).toEqual(byNumber(open.map((a) => a.id)));
      expect(byNumber((body['overdueActions'] as { id: string }[]).map((a) => a.id))).toEqual(byNumber(open.filter((a) => a.fields.dueDate < today).map((a) => a.id)));
    }
  });

  it('Mina åtgärder of a teacher and a principal: every open action they own', async () => {
    for (const [persona, userId] of [['staff-bjork', PERSONA_USER_IDS.staffBjork], ['principal-bjork', PERSONA_USER_IDS.principalBjork]] as const) {
      const { status, body } = await server.call('GET', '/api/my/actions?top=500', persona);
      expect(status).toBe(200);
      const expected = seeded.actions.filter((a) => a.fields.ownerId === userId && isOpen(a.fields.status));
      expect(expected.length, persona).toBeGreaterThan(0);
      expect(byNumber((body['items'] as { id: string }[]).map((a) => a.id)), persona).toEqual(byNumber(expected.map((a) => a.id)));
    }
  });

  it('answers no other view with a 500', async () => {
    const unit = seeded.units[0]?.id ?? '';
    for (const path of ['/api/units', '/api/my/follow-ups', `/api/year-wheel?schoolYear=${encodeURIComponent(current)}`, `/api/units/${unit}/analyses`, `/api/units/${unit}/actions`, `/api/units/${unit}/measurements`, '/api/goals?schoolYear=' + encodeURIComponent(current)]) {
      const { status } = await server.call('GET', path, 'admin');
      expect(status, path).toBeLessThan(500);
    }
  });
});

describe('seeding the large municipality', () => {
  const small: LargeShape = { units: 8, years: 1 };

  it('is the same municipality every time, and finishes a seed that stopped half-way without duplicates', async () => {
    const whole = await startEmulator({ lists: allLists });
    const broken = await startEmulator({ lists: allLists });
    try {
      const full = fastStore(whole);
      await seedLarge(full, { shape: small, today: now });
      expect((await seedLarge(full, { shape: small, today: now })).seeded).toBe(false);

      // a start that stops after four lists were written, then a start that finishes
      const store = fastStore(broken);
      let calls = 0;
      const stopping: GraphStore<Entities> = Object.assign(Object.create(store) as GraphStore<Entities>, {
        createMany: (...args: Parameters<GraphStore<Entities>['createMany']>) => {
          if (++calls > 4) return Promise.reject(new Error('the server stopped'));
          return store.createMany(...args);
        },
      });
      await expect(seedLarge(stopping, { shape: small, today: now })).rejects.toThrow('the server stopped');
      expect((await seedLarge(store, { shape: small, today: now })).seeded).toBe(true);

      const [a, b] = [await allItems(full), await allItems(store)];
      // the same items, up to the ids the lists gave them (batches in flight take ids in any order)
      const withoutIds = (fields: object): string => JSON.stringify(Object.entries(fields).filter(([key]) => !/Ids?$/.test(key)));
      const shapeOf = (items: Lists) => Object.fromEntries(mirroredLists.map((list) => [list, items[list].map((item) => withoutIds(item.fields)).sort()]));
      expect(shapeOf(b)).toEqual(shapeOf(a));
      expect(a.units.map((u) => u.fields.name).sort()).toEqual(b.units.map((u) => u.fields.name).sort());
    } finally {
      await whole.close();
      await broken.close();
    }
  }, 120_000);

  it('leaves a site that holds another municipality as it is', async () => {
    const emulator = await startEmulator({ lists: allLists });
    try {
      const store = fastStore(emulator);
      await store.create('units', { name: 'Egen skola', type: 'grundskola', schoolUnitCode: '12345678', principalIds: [] }, { actor: PERSONA_USER_IDS.admin });
      expect(await seedLarge(store, { shape: small, today: now })).toEqual({ seeded: false, items: 0 });
      expect(await everything(store, 'units')).toHaveLength(1);
    } finally {
      await emulator.close();
    }
  });
});

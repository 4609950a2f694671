/**
 * The kept roll-up follows the mirror: after each change that reaches the mirror (through the
 * change feed from another writer, through this instance's write, or by a fresh enumeration after
 * a 410) the roll-up a view gets is exactly the one computed from every item of the same mirror.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PERSONA_USER_IDS } from '../../auth/personas';
import { seedLarge } from '../../emulator/seed-large';
import { lists, type Entities } from '../../lists/lists';
import { createMemoryStore, type MemoryStore } from '../../store/memory-store';
import type { MirroredStore } from '../../store/mirror';
import { startedMirror } from '../../store/test-kit';
import { fixturePeople, seedFixture, type Fixture } from '../report/test-fixture';
import { computeRollup, RollupService, type Rollup } from './index';
import { rollupLists } from './load';

const year = '2025/26';
const actor = { actor: fixturePeople.admin };

describe('the kept roll-up', () => {
  let memory: MemoryStore<Entities>;
  let fixture: Fixture;
  let mirror: MirroredStore<Entities>;
  let day: Date;
  let service: RollupService;

  beforeEach(async () => {
    memory = createMemoryStore<Entities>(lists);
    fixture = await seedFixture(memory);
    mirror = await startedMirror(memory, memory);
    day = new Date('2026-03-15T12:00:00Z');
    service = new RollupService(mirror.readModel, { now: () => day });
  });

  /** The roll-up a view gets, and the one computed from every item the mirror holds after that view's round. */
  async function viewAndFullRecompute(): Promise<{ viewed: Rollup; full: Rollup }> {
    const viewed = await service.rollup(year);
    // a second service over the same mirror has nothing kept: it computes from every item
    const full = computeRollup(await new RollupService(mirror.readModel).load(year), viewed.today);
    return { viewed, full };
  }

  it('answers a view with no change from what it kept, and one that brings a change anew', async () => {
    const first = await service.rollup(year);
    expect(await service.rollup(year)).toBe(first);
    await memory.create('meetings', { type: 'resultsConference', title: 'Resultatkonferens', unitId: fixture.units.c.id, startsAt: '2026-04-01T13:00:00Z', schoolYear: year, participants: [], agenda: [] }, actor);
    const next = await service.rollup(year);
    expect(next).not.toBe(first);
    expect(next.units.find((u) => u.unitId === fixture.units.c.id)?.meetings).toBe(1);
  });

  it('follows a create, an update and a delete that arrive through the change feed', async () => {
    await service.rollup(year);
    await memory.create('measurements', { indicatorId: fixture.indicators.merit.id, unitId: fixture.units.c.id, period: year, schoolYear: year, value: 250 }, actor);
    let { viewed, full } = await viewAndFullRecompute();
    expect(viewed).toEqual(full);
    expect(viewed.indicators.find((i) => i.indicatorId === fixture.indicators.merit.id)?.withValue).toBe(3);

    await memory.update('units', fixture.units.a.id, { name: 'Östra skolan' }, { ...actor, etag: fixture.units.a.etag });
    ({ viewed, full } = await viewAndFullRecompute());
    expect(viewed).toEqual(full);
    expect(viewed.units.map((u) => u.name)).toEqual(['Backaskolan', 'Centrumskolan', 'Östra skolan']);

    await memory.delete('deficiencies', fixture.deficiency.id, { ...actor, etag: fixture.deficiency.etag });
    ({ viewed, full } = await viewAndFullRecompute());
    expect(viewed).toEqual(full);
    expect(viewed.deficiencies).toEqual([]);
  });

  it('shows this instance\'s own write at once', async () => {
    await service.rollup(year);
    await mirror.store.update('analyses', fixture.analyses.c.id, { status: 'submitted' }, { ...actor, etag: fixture.analyses.c.etag });
    const { viewed, full } = await viewAndFullRecompute();
    expect(viewed).toEqual(full);
    expect(viewed.units.find((u) => u.unitId === fixture.units.c.id)?.analysisStatus).toBe('submitted');
  });

  it('follows a fresh enumeration after the change feed\'s 410', async () => {
    await service.rollup(year);
    // the change token expires; meanwhile another writer deletes a unit's analysis
    memory.expireChangeTokens();
    await memory.delete('analyses', fixture.analyses.b.id, { ...actor, etag: fixture.analyses.b.etag });
    const { viewed, full } = await viewAndFullRecompute();
    expect(viewed).toEqual(full);
    expect(viewed.units.find((u) => u.unitId === fixture.units.b.id)?.analysisStatus).toBe('none');
    expect(viewed.awaitingFeedback).toEqual([]);
  });

  it('counts overdue anew on the next day though nothing changed', async () => {
    const before = await service.rollup(year);
    day = new Date('2027-03-15T12:00:00Z');
    const after = await service.rollup(year);
    expect(after.today).toBe('2027-03-15');
    expect(after).toEqual(computeRollup(await service.load(year), '2027-03-15'));
    expect(after.units.reduce((sum, u) => sum + u.overdueActions, 0)).toBeGreaterThan(before.units.reduce((sum, u) => sum + u.overdueActions, 0));
  });
});

/**
 * A municipality seeded as the large one, at a size a test can hold: after each change, of every
 * kind a municipality sees, the kept roll-up equals the one computed from every item, and the
 * units the change did not touch kept their parts (the same rows: not counted again).
 */
describe('the kept roll-up, counted again only where a change touched it', () => {
  const day = new Date('2026-03-15T12:00:00Z');
  const admin = { actor: PERSONA_USER_IDS.admin };
  let memory: MemoryStore<Entities>;
  let mirror: MirroredStore<Entities>;
  let service: RollupService;
  let shown: Rollup;

  beforeAll(async () => {
    memory = createMemoryStore<Entities>(lists);
    await seedLarge(memory, { shape: { units: 24, years: 3 }, today: day });
    mirror = await startedMirror(memory, memory);
    service = new RollupService(mirror.readModel, { now: () => day });
    shown = await service.rollup(year);
  });

  const view = () => mirror.readModel.read(rollupLists);
  const unitIds = () => shown.units.map((u) => u.unitId);
  const rowOf = (rollup: Rollup, unitId: string) => rollup.units.find((u) => u.unitId === unitId);

  /** The next view: equal to the roll-up computed from every item, with the parts of the units not in `touched` kept as they were. */
  async function expectKeptBut(touched: readonly string[]): Promise<Rollup> {
    const before = shown;
    const viewed = await service.rollup(year);
    const full = computeRollup(await new RollupService(mirror.readModel).load(year), viewed.today);
    expect(viewed).toStrictEqual(full);
    const kept = before.units.filter((u) => !touched.includes(u.unitId));
    expect(kept.length).toBeGreaterThan(0);
    for (const row of kept) if (rowOf(viewed, row.unitId)) expect(rowOf(viewed, row.unitId)).toBe(row);
    shown = viewed;
    return viewed;
  }

  /** The next view: equal to the roll-up computed from every item, every part counted again. */
  async function expectCountedAgain(): Promise<Rollup> {
    const before = shown;
    const viewed = await service.rollup(year);
    expect(viewed).toStrictEqual(computeRollup(await new RollupService(mirror.readModel).load(year), viewed.today));
    for (const row of viewed.units) expect(row).not.toBe(rowOf(before, row.unitId));
    shown = viewed;
    return viewed;
  }

  it('follows results created, changed, deleted and moved to another unit', async () => {
    const [a, b, c] = unitIds();
    if (!a || !b || !c) throw new Error('the seed has too few units');
    const current = await view();
    const results = current.where('measurements', 'unitId', a).filter((m) => m.fields.schoolYear === year);
    const [first, second] = results;
    if (!first || !second) throw new Error('the unit has no results');
    // a result of an indicator the unit has none of: its comparison shows it, or nothing
    const unmeasured = current.all('indicators').find((i) => !current.where('measurements', 'unitId', a).some((m) => m.fields.indicatorId === i.id));
    if (!unmeasured) throw new Error('the unit has results of every indicator');
    const valuesOf = (rollup: Rollup, unitId: string) => rollup.indicators.find((i) => i.indicatorId === unmeasured.id)?.units.find((u) => u.unitId === unitId)?.values;
    // this instance's write, then another instance's through the change feed
    const created = await mirror.store.create('measurements', { indicatorId: unmeasured.id, unitId: a, period: year, schoolYear: year, value: 1 }, admin);
    expect(valuesOf(await expectKeptBut([a]), a)).toEqual({ [year]: 1 });
    // a second result of one period: which one counts follows the order the lists hold them in
    await memory.create('measurements', { ...first.fields, value: first.fields.value + 7 }, admin);
    await expectKeptBut([a]);
    await memory.update('measurements', second.id, { value: 0 }, { ...admin, etag: second.etag });
    await expectKeptBut([a]);
    await mirror.store.delete('measurements', first.id, { ...admin, etag: first.etag });
    await expectKeptBut([a]);
    await memory.update('measurements', created.id, { unitId: b }, { ...admin, etag: created.etag });
    const viewed = await expectKeptBut([a, b]);
    expect(valuesOf(viewed, a)).toEqual({});
    expect(valuesOf(viewed, b)?.[year]).toBe(1);
  });

  it('follows an action\'s status, an analysis, a deficiency, feedback and a meeting', async () => {
    const [, , c, d, e, f] = unitIds();
    if (!c || !d || !e || !f) throw new Error('the seed has too few units');
    const current = await view();
    const action = current.where('actions', 'unitId', c).find((a) => a.fields.schoolYear === year && a.fields.status !== 'done');
    if (!action) throw new Error('the unit has no open action');
    await mirror.store.update('actions', action.id, { status: 'done', evaluation: 'Genomfört.' }, { ...admin, etag: action.etag });
    await expectKeptBut([c]);

    const analysis = current.where('analyses', 'unitId', d).find((a) => a.fields.schoolYear === year);
    if (!analysis) throw new Error('the unit has no analysis this year');
    const submitted = await memory.update('analyses', analysis.id, { status: 'submitted', submittedAt: '2026-03-01T10:00:00Z', areasToDevelop: ['Studiero', 'Elevhälsa'] }, { ...admin, etag: analysis.etag });
    let viewed = await expectKeptBut([d]);
    expect(viewed.awaitingFeedback.map((w) => w.analysisId)).toContain(analysis.id);

    const feedback = await mirror.store.create('feedback', { unitId: d, analysisId: submitted.id, schoolYear: year, text: 'Tack.', authorId: PERSONA_USER_IDS.admin, givenAt: '2026-03-10T09:00:00Z' }, admin);
    viewed = await expectKeptBut([d]);
    expect(viewed.unreadFeedback.map((u) => u.feedbackId)).toContain(feedback.id);
    await memory.update('feedback', feedback.id, { readAt: '2026-03-11T09:00:00Z' }, { ...admin, etag: feedback.etag });
    await expectKeptBut([d]);

    const deficiency = await mirror.store.create('deficiencies', { title: 'Brist i studiero', unitId: e, source: 'inspection', foundOn: '2025-11-01', deadline: '2026-02-01', status: 'open' }, admin);
    viewed = await expectKeptBut([e]);
    expect(viewed.deficiencies.find((x) => x.id === deficiency.id)).toMatchObject({ overdue: true, withoutAction: true });
    await mirror.store.create('actions', { ...action.fields, unitId: e, originKind: 'deficiency', originId: deficiency.id, status: 'planned', dueDate: '2026-05-01' }, admin);
    await expectKeptBut([e]);
    await memory.update('deficiencies', deficiency.id, { status: 'closed', closedOn: '2026-03-14' }, { ...admin, etag: deficiency.etag });
    await expectKeptBut([e]);

    await memory.create('meetings', { type: 'resultsConference', title: 'Extra resultatkonferens', unitId: f, startsAt: '2026-04-01T13:00:00Z', schoolYear: year, participants: [], agenda: [] }, admin);
    viewed = await expectKeptBut([f]);
    expect(rowOf(viewed, f)?.meetings).toBe((rowOf(viewed, e)?.meetings ?? 0) + 1);
  });

  it('follows a unit renamed, given another school form, archived, restored and a new one', async () => {
    const [g, h] = unitIds().slice(-2);
    if (!g || !h) throw new Error('the seed has too few units');
    const current = await view();
    const renamed = current.get('units', g);
    if (!renamed) throw new Error('no unit');
    const afterRename = await mirror.store.update('units', g, { name: 'Aaltoskolan' }, { ...admin, etag: renamed.etag });
    let viewed = await expectKeptBut([g]);
    expect(viewed.units[0]?.unitId).toBe(g);

    const other = current.get('units', h);
    if (!other) throw new Error('no unit');
    const form = other.fields.type === 'gymnasieskola' ? 'grundskola' : 'gymnasieskola';
    const moved = await memory.update('units', h, { type: form }, { ...admin, etag: other.etag });
    viewed = await expectKeptBut([h]);
    expect(rowOf(viewed, h)?.type).toBe(form);

    const archived = await mirror.store.update('units', g, { archivedAt: '2026-03-14T10:00:00Z' }, { ...admin, etag: afterRename.etag });
    viewed = await expectKeptBut([g]);
    expect(rowOf(viewed, g)).toBeUndefined();
    expect(viewed.deficiencies.some((x) => x.unitId === g) || viewed.awaitingFeedback.some((x) => x.unitId === g)).toBe(false);
    const { archivedAt: _gone, ...restored } = archived.fields;
    await memory.update('units', g, { ...restored, archivedAt: undefined }, { ...admin, etag: archived.etag });
    viewed = await expectKeptBut([g]);
    expect(rowOf(viewed, g)?.name).toBe('Aaltoskolan');

    const added = await mirror.store.create('units', { ...moved.fields, name: 'Nya skolan', schoolUnitCode: '79999999' }, admin);
    viewed = await expectKeptBut([added.id]);
    expect(rowOf(viewed, added.id)).toMatchObject({ name: 'Nya skolan', analysisStatus: 'none', meetings: 0 });
  });

  it('counts every part again after a change to the indicators, a fresh enumeration, or on a new day', async () => {
    const indicator = (await view()).all('indicators')[0];
    if (!indicator) throw new Error('no indicator');
    await memory.update('indicators', indicator.id, { target: (indicator.fields.target ?? 50) + 1 }, { ...admin, etag: indicator.etag });
    await expectCountedAgain();

    // the change token expires: the read model enumerates the list again and no longer knows what changed
    memory.expireChangeTokens();
    const action = (await view()).where('actions', 'unitId', unitIds()[0] ?? '')[0];
    if (!action) throw new Error('no action');
    await memory.update('actions', action.id, { status: 'cancelled' }, { ...admin, etag: action.etag });
    await expectCountedAgain();

    day.setUTCDate(day.getUTCDate() + 1);
    const viewed = await expectCountedAgain();
    expect(viewed.today).toBe('2026-03-16');
  });
});

/**
 * The kept roll-up follows the mirror: after each change that reaches the mirror (through the
 * change feed from another writer, through this instance's write, or by a fresh enumeration after
 * a 410) the roll-up a view gets is exactly the one computed from every item of the same mirror.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { lists, type Entities } from '../../lists/lists';
import { createMemoryStore, type MemoryStore } from '../../store/memory-store';
import type { MirroredStore } from '../../store/mirror';
import { startedMirror } from '../../store/test-kit';
import { fixturePeople, seedFixture, type Fixture } from '../report/test-fixture';
import { computeRollup, RollupService, type Rollup } from './index';

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

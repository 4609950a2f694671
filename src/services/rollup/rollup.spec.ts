import { beforeAll, describe, expect, it } from 'vitest';
import { lists, type Entities } from '../../lists/lists';
import { createMemoryStore } from '../../store/memory-store';
import { countingChanges, startedMirror } from '../../store/test-kit';
import { fixturePeople, seedFixture, type Fixture } from '../report/test-fixture';
import { commonAreas, normalizeArea, RollupService, toBoardView, yearValue, type Rollup } from './index';

describe('RollupService', () => {
  let fixture: Fixture;
  let rollup: Rollup;
  let calls: number[];

  beforeAll(async () => {
    const memory = createMemoryStore<Entities>(lists);
    fixture = await seedFixture(memory);
    // the municipality's own result, as Kolada publishes it
    await memory.create('municipalityResults', { indicatorId: fixture.indicators.merit.id, municipalityId: '9999', period: '2025/26', schoolYear: '2025/26', value: 228.4, source: 'kolada' }, { actor: fixturePeople.admin });
    const counted = countingChanges<Entities>(memory);
    const mirror = await startedMirror(memory, counted.feed);
    calls = counted.calls;
    calls.length = 0;
    rollup = await new RollupService(mirror.readModel, { now: () => new Date('2026-03-15T12:00:00Z') }).rollup('2025/26');
  });

  it('brings its eleven lists up to date with one change-feed round trip', () => {
    expect(calls).toEqual([11]);
  });

  it('derives every unit\'s cycle state for the year and the years before', () => {
    const a = rollup.units.find((u) => u.unitId === fixture.units.a.id);
    const c = rollup.units.find((u) => u.unitId === fixture.units.c.id);
    expect(a?.cycle.phases).toEqual({ followUp: 'done', analysis: 'done', planning: 'done', implementation: 'inProgress' });
    expect(c?.cycle.phases.analysis).toBe('inProgress');
    expect(c?.cycle.phases.followUp).toBe('notStarted');
    expect(Object.keys(a?.cycleByYear ?? {})).toEqual(['2025/26', '2024/25', '2023/24']);
    expect(a?.cycleByYear['2024/25']?.phases.followUp).toBe('inProgress');
    expect(rollup.phaseSummary.analysis).toEqual({ notStarted: 0, inProgress: 1, done: 2 });
  });

  it('compares indicators across units and years against the target', () => {
    const merit = rollup.indicators.find((i) => i.indicatorId === fixture.indicators.merit.id);
    const a = merit?.units.find((u) => u.unitId === fixture.units.a.id);
    const b = merit?.units.find((u) => u.unitId === fixture.units.b.id);
    expect(a).toMatchObject({ values: { '2025/26': 235, '2024/25': 220 }, meetsTarget: true, trend: 'better' });
    expect(b).toMatchObject({ values: { '2025/26': 225, '2024/25': 240 }, meetsTarget: false, trend: 'worse' });
    expect(merit?.averages).toEqual({ '2025/26': 230, '2024/25': 230 });
    // beside the average of the units: the municipality's own value (Kolada), only where there is one
    expect(merit?.municipality).toEqual({ '2025/26': 228.4 });
    expect(merit).toMatchObject({ meetingTarget: 1, withValue: 2 });
    const absence = rollup.indicators.find((i) => i.indicatorId === fixture.indicators.absence.id);
    // the spring term wins over the autumn term; lower is better
    expect(absence?.units.find((u) => u.unitId === fixture.units.a.id)).toMatchObject({ values: { '2025/26': 7 }, meetsTarget: true });
    expect(absence?.municipality).toBeUndefined();
  });

  it('lists deficiencies with their actions and overdue actions by unit', () => {
    expect(rollup.deficiencies).toHaveLength(1);
    expect(rollup.deficiencies[0]).toMatchObject({ id: fixture.deficiency.id, status: 'open' });
    expect(rollup.deficiencies[0]?.actions.map((a) => a.id)).toEqual([fixture.overdueAction.id]);
    expect(rollup.overdueActions).toEqual([{ unitId: fixture.units.b.id, actions: [expect.objectContaining({ id: fixture.overdueAction.id, ownerName: 'Bertil Backman' })] }]);
    expect(rollup.units.find((u) => u.unitId === fixture.units.b.id)).toMatchObject({ overdueActions: 1, openDeficiencies: 1, meetings: 1 });
  });

  it('counts common areas to develop from submitted analyses only, normalised', () => {
    expect(rollup.commonAreasToDevelop[0]).toMatchObject({ area: 'Studiero', count: 2 });
    expect(rollup.commonAreasToDevelop.map((a) => a.area)).toEqual(['Studiero', 'Formativ bedömning', 'Ledarskap']);
  });

  it('shows who waits for feedback and who has not read it', () => {
    expect(rollup.awaitingFeedback).toEqual([expect.objectContaining({ unitId: fixture.units.b.id, analysisId: fixture.analyses.b.id })]);
    expect(rollup.unreadFeedback.map((f) => f.unitId)).toEqual([fixture.units.a.id]);
    expect(rollup.units.map((u) => u.feedback)).toEqual(['unread', 'waiting', 'noSubmission']);
  });

  it('gives the board nothing about individual staff', () => {
    const board = JSON.stringify(toBoardView(rollup));
    for (const id of Object.values(fixturePeople)) expect(board).not.toContain(id);
    expect(board).not.toContain('Bertil Backman');
    expect(board).not.toContain('ownerId');
    expect(board).toContain('Gemensamma ordningsregler');
    // the full roll-up does carry the owner: the board view removed it
    expect(JSON.stringify(rollup)).toContain('Bertil Backman');
  });
});

describe('roll-up helpers', () => {
  it('picks the whole year, then spring, then autumn', () => {
    expect(yearValue([{ period: '2025/26 HT', value: 1 }, { period: '2025/26 VT', value: 2 }], '2025/26')).toBe(2);
    expect(yearValue([{ period: '2025/26 VT', value: 2 }, { period: '2025/26', value: 3 }], '2025/26')).toBe(3);
    expect(yearValue([{ period: '2024/25', value: 3 }], '2025/26')).toBeUndefined();
  });

  it('takes a term over any month, and of months the latest', () => {
    const months = [{ period: '2025/26 2025-09', value: 91 }, { period: '2025/26 2026-02', value: 94 }, { period: '2025/26 2025-12', value: 92 }];
    expect(yearValue(months, '2025/26')).toBe(94);
    expect(yearValue([...months, { period: '2025/26 HT', value: 92.5 }], '2025/26')).toBe(92.5);
    expect(yearValue([...months, { period: '2025/26 HT', value: 92.5 }, { period: '2025/26', value: 93 }], '2025/26')).toBe(93);
    expect(yearValue([{ period: '2024/25 2025-06', value: 90 }], '2025/26')).toBeUndefined();
  });

  it('normalises areas by case, spacing and trailing punctuation', () => {
    expect(normalizeArea('  Kollegialt   LÄRANDE. ')).toBe('kollegialt lärande');
    expect(commonAreas([
      { unitId: '1', status: 'submitted', areasToDevelop: ['Studiero', 'studiero'] },
      { unitId: '2', status: 'feedbackGiven', areasToDevelop: ['STUDIERO!'] },
      { unitId: '3', status: 'draft', areasToDevelop: ['Studiero'] },
    ])).toEqual([{ area: 'Studiero', count: 2, unitIds: ['1', '2'] }]);
  });
});

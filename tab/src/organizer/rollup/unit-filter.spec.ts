import { describe, expect, it } from 'vitest';
import { largeRollup } from './large-rollup';
import { filterUnits, isFiltered, needsAttention, noFilter } from './unit-filter';

const rollup = largeRollup(600);
const names = (filter: Parameters<typeof filterUnits>[1]) => filterUnits(rollup, filter).map((u) => u.name);

describe('the roll-up\'s choice of units', () => {
  it('shows every unit without a filter', () => {
    expect(filterUnits(rollup, noFilter)).toHaveLength(600);
    expect(isFiltered(noFilter)).toBe(false);
  });

  it('finds a unit by part of its name, without regard to case, or by its skolenhetskod', () => {
    expect(names({ ...noFilter, search: 'enhet 042' })).toEqual(['Enhet 042']);
    expect(names({ ...noFilter, search: '70000041' })).toEqual(['Enhet 042']);
    expect(isFiltered({ ...noFilter, search: ' ' })).toBe(false);
  });

  it('narrows by school form, area, the phase the cycle is in and what needs attention, together', () => {
    expect(filterUnits(rollup, { ...noFilter, type: 'förskola' }).every((u) => u.type === 'förskola')).toBe(true);
    expect(filterUnits(rollup, { ...noFilter, type: 'förskola' })).toHaveLength(86);
    expect(names({ ...noFilter, area: 'Studiero' })).toEqual(['Enhet 002', 'Enhet 004', 'Enhet 006']);
    expect(filterUnits(rollup, { ...noFilter, phase: 'analysis' })).toHaveLength(300);
    expect(filterUnits(rollup, { ...noFilter, phase: 'turned' })).toHaveLength(0);
    const attention = filterUnits(rollup, { ...noFilter, needsAttention: true });
    expect(attention.every(needsAttention)).toBe(true);
    expect(attention.length).toBe(rollup.units.filter((u, i) => i % 7 === 0 || i % 10 === 0).length);
    expect(names({ ...noFilter, area: 'Studiero', phase: 'analysis' })).toEqual(['Enhet 002', 'Enhet 004', 'Enhet 006']);
    expect(names({ ...noFilter, area: 'Studiero', phase: 'planning' })).toEqual([]);
  });

  it('needs attention for overdue actions, a deficiency past its deadline or without action, or feedback owed', () => {
    const unit = rollup.units[1];
    if (!unit) throw new Error('a unit');
    const calm = { ...unit, overdueActions: 0, feedback: 'read' as const };
    expect(needsAttention(calm)).toBe(false);
    expect(needsAttention({ ...calm, overdueDeficiencies: 1 })).toBe(true);
    expect(needsAttention({ ...calm, deficienciesWithoutAction: 1 })).toBe(true);
    expect(needsAttention({ ...calm, feedback: 'waiting' })).toBe(true);
    expect(needsAttention({ ...calm, overdueActions: 2 })).toBe(true);
  });
});

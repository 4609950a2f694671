import { describe, expect, it } from 'vitest';
import { ActionSchema, isOverdue } from './action';
import { deriveCycleState, type CycleRecords } from './cycle';
import { checkActionOrigin, checkDeficiencyClose } from './rules';

const empty: CycleRecords = { indicatorIds: ['1', '2'], measurements: [], analyses: [], goals: [], actions: [] };

describe('deriveCycleState', () => {
  it('has not started a year with no records', () => {
    const state = deriveCycleState('2025/26', empty);
    expect(state.phases).toEqual({ followUp: 'notStarted', analysis: 'notStarted', planning: 'notStarted', implementation: 'notStarted' });
    expect(state.current).toBe('followUp');
  });

  it('follows the records of the year, not of other years', () => {
    const state = deriveCycleState('2025/26', {
      ...empty,
      measurements: [
        { indicatorId: '1', schoolYear: '2025/26' },
        { indicatorId: '2', schoolYear: '2024/25' },
      ],
      analyses: [{ schoolYear: '2025/26', status: 'draft' }, { schoolYear: '2024/25', status: 'submitted' }],
    });
    expect(state.phases.followUp).toBe('inProgress');
    expect(state.phases.analysis).toBe('inProgress');
  });

  it('turns the whole wheel when every phase is done', () => {
    const state = deriveCycleState('2025/26', {
      ...empty,
      measurements: [{ indicatorId: '1', schoolYear: '2025/26' }, { indicatorId: '2', schoolYear: '2025/26' }],
      analyses: [{ schoolYear: '2025/26', status: 'submitted' }],
      goals: [{ schoolYear: '2025/26', level: 'unit' }],
      actions: [
        { schoolYear: '2025/26', status: 'done', evaluation: 'Studieron blev bättre.' },
        { schoolYear: '2025/26', status: 'cancelled' },
      ],
    });
    expect(Object.values(state.phases)).toEqual(['done', 'done', 'done', 'done']);
    expect(state.current).toBeUndefined();
  });

  it('keeps implementation in progress until every finished action is evaluated', () => {
    const state = deriveCycleState('2025/26', { ...empty, actions: [{ schoolYear: '2025/26', status: 'done' }] });
    expect(state.phases.implementation).toBe('inProgress');
    expect(state.phases.planning).toBe('inProgress');
  });
});

describe('action origin', () => {
  it('requires an existing origin of the stated kind in the same unit', () => {
    const action = { unitId: '3', originKind: 'analysis' as const };
    expect(checkActionOrigin(action, { kind: 'analysis', unitId: '3' })).toBeUndefined();
    expect(checkActionOrigin(action, undefined)?.code).toBe('originNotFound');
    expect(checkActionOrigin(action, { kind: 'meeting', unitId: '3' })?.code).toBe('originNotFound');
    // another unit's record is answered as a missing one: one code, nothing told about it
    expect(checkActionOrigin(action, { kind: 'analysis', unitId: '4' })?.code).toBe('originNotFound');
    expect(checkActionOrigin({ unitId: '3', originKind: 'meeting' }, { kind: 'meeting', unitId: undefined })).toBeUndefined();
  });

  it('is part of the schema', () => {
    const result = ActionSchema.safeParse({ title: 'Läsfrämjande', unitId: '3', ownerId: '1a000000-0000-4000-8000-000000000005', dueDate: '2026-03-01', status: 'planned', schoolYear: '2025/26' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path[0])).toEqual(expect.arrayContaining(['originKind', 'originId']));
  });
});

describe('deficiency close', () => {
  it('refuses to close without an action and allows it with one', () => {
    const open = { status: 'open' as const };
    const closed = { status: 'closed' as const };
    expect(checkDeficiencyClose(open, closed, [])?.code).toBe('deficiencyWithoutAction');
    expect(checkDeficiencyClose(open, closed, [{ originKind: 'deficiency', status: 'cancelled' }])?.code).toBe('deficiencyWithoutAction');
    expect(checkDeficiencyClose(open, closed, [{ originKind: 'deficiency', status: 'inProgress' }])).toBeUndefined();
    expect(checkDeficiencyClose(open, open, [])).toBeUndefined();
  });
});

describe('isOverdue', () => {
  it('is open and due before today', () => {
    expect(isOverdue({ status: 'planned', dueDate: '2026-01-01' }, '2026-01-02')).toBe(true);
    expect(isOverdue({ status: 'done', dueDate: '2026-01-01' }, '2026-01-02')).toBe(false);
    expect(isOverdue({ status: 'inProgress', dueDate: '2026-01-02' }, '2026-01-02')).toBe(false);
  });
});

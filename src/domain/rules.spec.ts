import { describe, expect, it } from 'vitest';
import { ActionSchema, isOverdue } from './action';
import { deriveCycleState, type CycleRecords } from './cycle';
import { indicatorIdsFor } from './applicability';
import { checkActionOrigin, checkDeficiency, checkDeficiencyClose, checkGoalParent, deficiencyFlags } from './rules';

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

describe('the follow-up phase', () => {
  const indicators = [
    { id: '1', fields: { unitTypes: ['grundskola' as const] } },
    { id: '2', fields: { unitTypes: ['förskola' as const, 'grundskola' as const] } },
    { id: '3', fields: { unitTypes: ['gymnasieskola' as const] } },
    { id: '4', fields: {} },
    { id: '5', fields: { archivedOn: '2025-11-02' } },
    { id: '6', fields: { archivedOn: '2026-08-10' } },
  ];

  it('counts only the indicators that apply to the unit\'s type and are in use that year', () => {
    expect(indicatorIdsFor(indicators, 'grundskola', '2025/26')).toEqual(['1', '2', '4', '6']);
    expect(indicatorIdsFor(indicators, 'förskola', '2025/26')).toEqual(['2', '4', '6']);
    // archived in 2025/26: it still counts in the years before
    expect(indicatorIdsFor(indicators, 'förskola', '2024/25')).toEqual(['2', '4', '5', '6']);
  });

  it('is done for a preschool once the indicators that apply to preschools have results, whatever the others', () => {
    const records = (measured: string[]): CycleRecords => ({
      ...empty,
      indicatorIds: indicatorIdsFor(indicators, 'förskola', '2025/26'),
      measurements: measured.map((indicatorId) => ({ indicatorId, schoolYear: '2025/26' })),
    });
    expect(deriveCycleState('2025/26', records(['2', '4'])).phases.followUp).toBe('inProgress');
    expect(deriveCycleState('2025/26', records(['2', '4', '6'])).phases.followUp).toBe('done');
    // every indicator of the municipality would never be done for a preschool: the compulsory school's count
    expect(deriveCycleState('2025/26', { ...records(['2', '4', '6']), indicatorIds: indicators.map((i) => i.id) }).phases.followUp).toBe('inProgress');
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
  const open = { status: 'open' as const };
  const closed = { status: 'closed' as const };

  it('refuses to close without an action', () => {
    expect(checkDeficiencyClose(open, closed, [])?.code).toBe('deficiencyWithoutAction');
    expect(checkDeficiencyClose(open, closed, [{ originKind: 'deficiency', status: 'cancelled' }])?.code).toBe('deficiencyWithoutAction');
    expect(checkDeficiencyClose(open, open, [])).toBeUndefined();
  });

  it('closes only once one of its actions is done and evaluated', () => {
    expect(checkDeficiencyClose(open, closed, [{ originKind: 'deficiency', status: 'inProgress' }])?.code).toBe('deficiencyNotEvaluated');
    expect(checkDeficiencyClose(open, closed, [{ originKind: 'deficiency', status: 'done' }])?.code).toBe('deficiencyNotEvaluated');
    expect(checkDeficiencyClose(open, closed, [{ originKind: 'deficiency', status: 'done', evaluation: '  ' }])?.code).toBe('deficiencyNotEvaluated');
    expect(checkDeficiencyClose(open, closed, [{ originKind: 'deficiency', status: 'cancelled', evaluation: 'Avbröts' }])?.code).toBe('deficiencyWithoutAction');
    expect(checkDeficiencyClose(open, closed, [
      { originKind: 'deficiency', status: 'inProgress' },
      { originKind: 'deficiency', status: 'done', evaluation: 'Tryggheten i korridoren har ökat enligt elevenkäten.' },
    ])).toBeUndefined();
  });
});

describe('a deficiency as a whole', () => {
  const base = { source: 'inspection' as const, foundOn: '2026-01-10' };

  it('takes Skolinspektionen\'s case numbers as they are written, and refuses others for an inspection', () => {
    for (const caseNumber of ['SI 2026:1234', '2026:1234', 'Dnr 2025:11555', 'dnr: 2025:7', '43-2016:11234']) expect(checkDeficiency({ ...base, caseNumber }), caseNumber).toBeUndefined();
    for (const caseNumber of ['1234', 'SI-2026-1234', 'BUN 2026/123']) expect(checkDeficiency({ ...base, caseNumber })?.code, caseNumber).toBe('invalidCaseNumber');
    // the municipality's own registrar writes its own numbers
    expect(checkDeficiency({ ...base, source: 'complaint', caseNumber: 'BUN 2026/123' })).toBeUndefined();
  });

  it('refuses a deadline before the day it was found', () => {
    expect(checkDeficiency({ ...base, deadline: '2026-01-09' })).toMatchObject({ code: 'deadlineBeforeFound', field: 'deadline' });
    expect(checkDeficiency({ ...base, deadline: '2026-01-10' })).toBeUndefined();
  });

  it('is flagged while open without an action and once past its deadline', () => {
    const deficiency = { status: 'open' as const, deadline: '2026-03-01' };
    expect(deficiencyFlags(deficiency, [], '2026-02-01')).toEqual({ withoutAction: true, overdue: false });
    expect(deficiencyFlags(deficiency, [{ originKind: 'deficiency', status: 'cancelled' }], '2026-03-02')).toEqual({ withoutAction: true, overdue: true });
    expect(deficiencyFlags(deficiency, [{ originKind: 'deficiency', status: 'planned' }], '2026-03-01')).toEqual({ withoutAction: false, overdue: false });
    expect(deficiencyFlags({ status: 'closed', deadline: '2026-03-01' }, [], '2026-04-01')).toEqual({ withoutAction: false, overdue: false });
  });
});

describe('the goal hierarchy', () => {
  const year = '2025/26';

  it('puts a unit goal under an organizer goal or an area of the same year, and requires it', () => {
    const unitGoal = { level: 'unit' as const, schoolYear: year, parentGoalId: '7' };
    expect(checkGoalParent(unitGoal, { level: 'focusArea', schoolYear: year })).toBeUndefined();
    expect(checkGoalParent(unitGoal, { level: 'organizer', schoolYear: year })).toBeUndefined();
    expect(checkGoalParent({ level: 'unit', schoolYear: year }, undefined)?.code).toBe('parentGoalRequired');
    expect(checkGoalParent(unitGoal, undefined)?.code).toBe('parentGoalNotFound');
    expect(checkGoalParent(unitGoal, { level: 'unit', schoolYear: year })?.code).toBe('parentGoalNotFound');
    expect(checkGoalParent(unitGoal, { level: 'focusArea', schoolYear: '2024/25' })?.code).toBe('parentGoalOtherYear');
  });

  it('lets an area stand alone or under an organizer goal, and an organizer goal under nothing', () => {
    expect(checkGoalParent({ level: 'focusArea', schoolYear: year }, undefined)).toBeUndefined();
    expect(checkGoalParent({ level: 'focusArea', schoolYear: year, parentGoalId: '1' }, { level: 'organizer', schoolYear: year })).toBeUndefined();
    expect(checkGoalParent({ level: 'focusArea', schoolYear: year, parentGoalId: '1' }, { level: 'focusArea', schoolYear: year })?.code).toBe('parentGoalNotFound');
    expect(checkGoalParent({ level: 'organizer', schoolYear: year }, undefined)).toBeUndefined();
    expect(checkGoalParent({ level: 'organizer', schoolYear: year, parentGoalId: '1' }, { level: 'organizer', schoolYear: year })?.code).toBe('parentGoalNotFound');
  });
});

describe('isOverdue', () => {
  it('is open and due before today', () => {
    expect(isOverdue({ status: 'planned', dueDate: '2026-01-01' }, '2026-01-02')).toBe(true);
    expect(isOverdue({ status: 'done', dueDate: '2026-01-01' }, '2026-01-02')).toBe(false);
    expect(isOverdue({ status: 'inProgress', dueDate: '2026-01-02' }, '2026-01-02')).toBe(false);
  });
});

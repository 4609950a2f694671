import { describe, expect, it } from 'vitest';
import { PERSONAS, PERSONA_USER_IDS, STAFF_GROUP_IDS, type PersonaId } from './personas';
import { authorize, canSeeUnit, unitRoles, withPrincipalUnits, type Permission, type PolicyResource, type UnitMembership } from './policy';
import type { Principal } from './principal';

const bjorkskolan: UnitMembership = { unitId: 'bjorkskolan', principalIds: [PERSONA_USER_IDS.principalBjork], staffGroupId: STAFF_GROUP_IDS.bjorkskolan };
const bjorkFritidshem: UnitMembership = { unitId: 'bjork-fritidshem', principalIds: [PERSONA_USER_IDS.principalBjork] };
const lindgymnasiet: UnitMembership = { unitId: 'lindgymnasiet', principalIds: [PERSONA_USER_IDS.principalLind], staffGroupId: STAFF_GROUP_IDS.lindgymnasiet };
const ekbacken: UnitMembership = { unitId: 'ekbacken', principalIds: [], staffGroupId: STAFF_GROUP_IDS.ekbackensForskola };
const UNITS = [bjorkskolan, bjorkFritidshem, lindgymnasiet, ekbacken];

function personaPrincipal(id: PersonaId): Principal {
  const persona = PERSONAS.find((candidate) => candidate.id === id);
  if (persona === undefined) throw new Error(`no persona ${id}`);
  return { userId: persona.userId, tenantId: 't', name: persona.name, appRoles: persona.appRoles, groups: persona.groups, groupsOverage: false };
}

/** As the API sees users: with the units they lead filled in from the Units list. */
const enriched = (id: PersonaId): Principal => withPrincipalUnits(personaPrincipal(id), UNITS);

const outsider: Principal = { userId: '9a000000-0000-4000-8000-000000000009', tenantId: 't', name: 'Utomstående', appRoles: [], groups: ['unrelated-group'], groupsOverage: false };

// Every question is asked about Björkskolan; `self` is replaced by the asking user's id.
const SELF = 'self';
const OTHER = '5e000000-0000-4000-8000-0000000000ff';
const scenarios: readonly { readonly name: string; readonly permission: Permission; readonly resource: PolicyResource }[] = [
  { name: 'public', permission: 'public', resource: {} },
  { name: 'me.read', permission: 'me.read', resource: {} },
  { name: 'units.list', permission: 'units.list', resource: {} },
  { name: 'organizer.read', permission: 'organizer.read', resource: {} },
  { name: 'organizer.edit', permission: 'organizer.edit', resource: {} },
  { name: 'unit.read', permission: 'unit.read', resource: { unit: bjorkskolan } },
  { name: 'unit.read of a draft analysis', permission: 'unit.read', resource: { unit: bjorkskolan, analysisStatus: 'draft' } },
  { name: 'unit.read of a submitted analysis', permission: 'unit.read', resource: { unit: bjorkskolan, analysisStatus: 'submitted' } },
  { name: 'unit.readDraft', permission: 'unit.readDraft', resource: { unit: bjorkskolan } },
  { name: 'unit.edit', permission: 'unit.edit', resource: { unit: bjorkskolan } },
  { name: 'unit.configure', permission: 'unit.configure', resource: { unit: bjorkskolan } },
  { name: 'action.create', permission: 'action.create', resource: { unit: bjorkskolan } },
  { name: 'action.update of an own action', permission: 'action.update', resource: { unit: bjorkskolan, ownerId: SELF } },
  { name: 'action.update of another\'s action', permission: 'action.update', resource: { unit: bjorkskolan, ownerId: OTHER } },
  { name: 'followUp.answer of an own follow-up', permission: 'followUp.answer', resource: { unit: bjorkskolan, respondentId: SELF } },
  { name: 'followUp.answer of another\'s follow-up', permission: 'followUp.answer', resource: { unit: bjorkskolan, respondentId: OTHER } },
  { name: 'feedback.confirm', permission: 'feedback.confirm', resource: { unit: bjorkskolan } },
  { name: 'units.learn', permission: 'units.learn', resource: {} },
];

// One column per scenario above, in order; Y = allowed. The last column is canSeeUnit(Björkskolan).
//                                                     pub me  lst oR  oE  rd  rdD rdS drf edt cfg aCr aUo aUx fAo fAx fbC lrn see
const table: readonly (readonly [string, Principal, string])[] = [
  ['administration', enriched('admin'),               'Y   Y   Y   Y   Y   Y   Y   Y   Y   Y   Y   Y   Y   Y   Y   Y   Y   Y   Y'],
  ['board', enriched('board'),                        'Y   Y   Y   Y   -   Y   -   Y   -   -   -   -   -   -   -   -   -   -   Y'],
  ['principal of the unit', enriched('principal-bjork'), 'Y   Y   Y   -   -   Y   Y   Y   Y   Y   Y   Y   Y   Y   Y   -   Y   Y   Y'],
  ['principal of another unit', enriched('principal-lind'), 'Y   Y   Y   -   -   Y   -   Y   -   -   -   -   -   -   -   -   -   Y   Y'],
  ['principal whose units are unknown', personaPrincipal('principal-lind'), 'Y   Y   Y   -   -   -   -   -   -   -   -   -   -   -   -   -   -   -   -'],
  ['staff of the unit', enriched('staff-bjork'),      'Y   Y   Y   -   -   Y   Y   Y   Y   -   -   Y   Y   -   Y   -   -   -   Y'],
  ['staff of another unit', enriched('staff-lind'),   'Y   Y   Y   -   -   -   -   -   -   -   -   -   -   -   -   -   -   -   -'],
  ['someone with no role', outsider,                  'Y   Y   Y   -   -   -   -   -   -   -   -   -   -   -   -   -   -   -   -'],
];

function withSelf(resource: PolicyResource, principal: Principal): PolicyResource {
  return {
    ...resource,
    ...(resource.ownerId === SELF ? { ownerId: principal.userId } : {}),
    ...(resource.respondentId === SELF ? { respondentId: principal.userId } : {}),
  };
}

describe('authorize', () => {
  const cases = table.flatMap(([role, principal, row]) => {
    const cells = row.split(/\s+/);
    expect(cells).toHaveLength(scenarios.length + 1);
    return scenarios.map((scenario, index) => ({ role, principal, scenario, allowed: cells[index] === 'Y' }));
  });

  it.each(cases)('$role: $scenario.name → $allowed', ({ principal, scenario, allowed }) => {
    const decision = authorize(principal, scenario.permission, withSelf(scenario.resource, principal));
    expect(decision.allowed).toBe(allowed);
    if (!decision.allowed) expect(decision.reason).not.toBe('');
  });

  it.each(table.map(([role, principal, row]) => ({ role, principal, visible: row.trim().endsWith('Y') })))(
    'canSeeUnit: $role → $visible',
    ({ principal, visible }) => {
      expect(canSeeUnit(principal, bjorkskolan)).toBe(visible);
    },
  );

  it('refuses unit permissions without a unit, except to the administration', () => {
    expect(authorize(enriched('principal-bjork'), 'unit.edit').allowed).toBe(false);
    expect(authorize(enriched('staff-bjork'), 'action.create').allowed).toBe(false);
    expect(authorize(enriched('admin'), 'unit.edit').allowed).toBe(true);
  });

  it('refuses staff an action update when the owner is not given', () => {
    expect(authorize(enriched('staff-bjork'), 'action.update', { unit: bjorkskolan }).allowed).toBe(false);
  });

  it('refuses a follow-up answer when the respondent is not given', () => {
    expect(authorize(enriched('staff-bjork'), 'followUp.answer', { unit: bjorkskolan }).allowed).toBe(false);
  });

  it('lets a principal of two units lead both, and read a third unit\'s published work', () => {
    const cecilia = enriched('principal-bjork');
    expect(authorize(cecilia, 'unit.edit', { unit: bjorkFritidshem }).allowed).toBe(true);
    expect(authorize(cecilia, 'unit.read', { unit: lindgymnasiet, analysisStatus: 'submitted' }).allowed).toBe(true);
    expect(authorize(cecilia, 'unit.readDraft', { unit: lindgymnasiet }).allowed).toBe(false);
    expect(authorize(cecilia, 'action.create', { unit: lindgymnasiet }).allowed).toBe(false);
  });

  it('does not count leading this very unit as leading another', () => {
    // The only unit this user leads is the one asked about, and the unit no longer lists them.
    const formerLeader = withPrincipalUnits(personaPrincipal('principal-lind'), [lindgymnasiet]);
    const lindWithNewPrincipal: UnitMembership = { ...lindgymnasiet, principalIds: [OTHER] };
    expect(canSeeUnit(formerLeader, lindWithNewPrincipal)).toBe(false);
    expect(authorize(formerLeader, 'unit.read', { unit: lindWithNewPrincipal }).allowed).toBe(false);
    expect(canSeeUnit(formerLeader, bjorkskolan)).toBe(true);
  });

  it('gives a board member who also leads a unit both roles there', () => {
    const both: Principal = { ...enriched('principal-bjork'), appRoles: ['Board'] };
    expect(authorize(both, 'unit.edit', { unit: bjorkskolan }).allowed).toBe(true);
    expect(authorize(both, 'unit.edit', { unit: lindgymnasiet }).allowed).toBe(false);
    expect(authorize(both, 'organizer.read').allowed).toBe(true);
  });

  it('lets whoever leads a unit and the administration learn from other units, never the board or staff', () => {
    expect(authorize(enriched('principal-lind'), 'units.learn').allowed).toBe(true);
    expect(authorize(enriched('admin'), 'units.learn').allowed).toBe(true);
    const refused = authorize(enriched('staff-bjork'), 'units.learn');
    expect(refused).toEqual({ allowed: false, reason: { sv: expect.stringContaining('rektorer'), en: expect.stringContaining('principals') } });
    expect(authorize(enriched('board'), 'units.learn').allowed).toBe(false);
    // what they then read of another unit is its published work: never a draft
    const cecilia = enriched('principal-bjork');
    expect(authorize(cecilia, 'unit.read', { unit: lindgymnasiet, analysisStatus: 'submitted' }).allowed).toBe(true);
    expect(authorize(cecilia, 'unit.read', { unit: lindgymnasiet, analysisStatus: 'draft' }).allowed).toBe(false);
  });

  it('makes nobody staff of a unit without a staff group', () => {
    const unit: UnitMembership = { unitId: 'x', principalIds: [] };
    expect(canSeeUnit(enriched('staff-bjork'), unit)).toBe(false);
  });

  it('makes an overage user without resolved groups staff of nothing', () => {
    const overage: Principal = { ...enriched('staff-bjork'), groups: [], groupsOverage: true };
    expect(canSeeUnit(overage, bjorkskolan)).toBe(false);
  });
});

describe('results.enter', () => {
  it('lets the unit\'s principals and staff enter its results, and nobody else but the administration', () => {
    const allowed = (id: PersonaId) => authorize(enriched(id), 'results.enter', { unit: bjorkskolan }).allowed;
    const members: PersonaId[] = ['admin', 'principal-bjork', 'staff-bjork'];
    const others: PersonaId[] = ['board', 'principal-lind', 'staff-lind'];
    expect(members.map(allowed)).toEqual([true, true, true]);
    expect(others.map(allowed)).toEqual([false, false, false]);
    expect(authorize(outsider, 'results.enter', { unit: bjorkskolan }).allowed).toBe(false);
    expect(authorize(enriched('staff-bjork'), 'results.enter').allowed).toBe(false);
  });
});

describe('authorize in an organizer meeting (no unit)', () => {
  const attending: PolicyResource = { organizerMeeting: { participant: true } };
  const absent: PolicyResource = { organizerMeeting: { participant: false } };

  it('lets its participants record and answer their own follow-up, and nobody else', () => {
    const cecilia = enriched('principal-bjork');
    expect(authorize(cecilia, 'action.create', attending).allowed).toBe(true);
    expect(authorize(cecilia, 'followUp.answer', { ...attending, respondentId: cecilia.userId }).allowed).toBe(true);
    expect(authorize(cecilia, 'followUp.answer', { ...attending, respondentId: OTHER }).allowed).toBe(false);
    expect(authorize(cecilia, 'action.create', absent).allowed).toBe(false);
    expect(authorize(cecilia, 'unit.edit', attending).allowed).toBe(false);
    expect(authorize(enriched('admin'), 'action.create', absent).allowed).toBe(true);
  });

  it('gives the board no write permission in a unit, nor in a meeting it attends', () => {
    const board = enriched('board');
    const writes: readonly Permission[] = ['unit.edit', 'unit.configure', 'action.create', 'action.update', 'followUp.answer', 'feedback.confirm', 'organizer.edit', 'results.enter'];
    for (const permission of writes) {
      const resource = { ownerId: board.userId, respondentId: board.userId };
      expect({ permission, allowed: authorize(board, permission, { ...resource, unit: bjorkskolan }).allowed }).toEqual({ permission, allowed: false });
      expect({ permission, allowed: authorize(board, permission, { ...resource, ...attending }).allowed }).toEqual({ permission, allowed: false });
    }
  });
});

describe('unitRoles', () => {
  it('names each role the user holds towards the unit', () => {
    expect(unitRoles(enriched('admin'), bjorkskolan)).toEqual(new Set(['administration']));
    expect(unitRoles(enriched('board'), bjorkskolan)).toEqual(new Set(['board']));
    expect(unitRoles(enriched('principal-bjork'), bjorkskolan)).toEqual(new Set(['principal']));
    expect(unitRoles(enriched('staff-bjork'), bjorkskolan)).toEqual(new Set(['staff']));
    expect(unitRoles(enriched('staff-bjork'), lindgymnasiet)).toEqual(new Set());
    const principalAndStaff: Principal = { ...enriched('principal-bjork'), groups: [STAFF_GROUP_IDS.bjorkskolan] };
    expect(unitRoles(principalAndStaff, bjorkskolan)).toEqual(new Set(['principal', 'staff']));
  });
});

describe('withPrincipalUnits', () => {
  it('lists the units the user leads', () => {
    expect(enriched('principal-bjork').principalOfUnitIds).toEqual(['bjorkskolan', 'bjork-fritidshem']);
    expect(enriched('staff-bjork').principalOfUnitIds).toEqual([]);
  });
});

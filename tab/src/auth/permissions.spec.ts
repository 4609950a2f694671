import { describe, expect, it } from 'vitest';
import type { Me } from '../../../src/contract';
import { canCreateAction, canEditUnit, canLearnFromOtherUnits, canOpenOrganizer, canUpdateAction } from './permissions';

const person = (appRoles: Me['appRoles'], roles: ('principal' | 'staff')[]): Me => ({ userId: 'me', name: 'X', appRoles, units: roles.length ? [{ unitId: '1', name: 'Björkskolan', roles }] : [] });

describe('permissions', () => {
  it('lets the principal and the administration edit the unit, not staff or the board', () => {
    expect(canEditUnit(person([], ['principal']), '1')).toBe(true);
    expect(canEditUnit(person(['Administration'], []), '1')).toBe(true);
    expect(canEditUnit(person([], ['staff']), '1')).toBe(false);
    expect(canEditUnit(person(['Board'], []), '1')).toBe(false);
    expect(canEditUnit(person([], ['principal']), '2')).toBe(false);
  });

  it('opens the organizer\'s level to the administration and the board only', () => {
    expect(canOpenOrganizer(person(['Administration'], []))).toBe(true);
    expect(canOpenOrganizer(person(['Board'], []))).toBe(true);
    expect(canOpenOrganizer(person([], ['principal']))).toBe(false);
    expect(canOpenOrganizer(person([], ['staff']))).toBe(false);
  });

  it('opens Andra enheter to principals and the administration, as units.learn does, not to staff or the board', () => {
    expect(canLearnFromOtherUnits(person([], ['principal']))).toBe(true);
    expect(canLearnFromOtherUnits(person(['Administration'], []))).toBe(true);
    expect(canLearnFromOtherUnits(person([], ['staff']))).toBe(false);
    expect(canLearnFromOtherUnits(person(['Board'], []))).toBe(false);
  });

  it('lets members create actions and staff update only their own', () => {
    expect(canCreateAction(person([], ['staff']), '1')).toBe(true);
    expect(canCreateAction(person(['Board'], []), '1')).toBe(false);
    expect(canUpdateAction(person([], ['staff']), '1', 'me')).toBe(true);
    expect(canUpdateAction(person([], ['staff']), '1', 'someone-else')).toBe(false);
    expect(canUpdateAction(person([], ['principal']), '1', 'someone-else')).toBe(true);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { authorize } from '../auth/policy';
import { LocalDirectory } from '../auth/directory-local';
import { lists, type Entities } from '../lists/lists';
import { createMemoryStore } from '../store/memory-store';
import type { Store } from '../store/port';
import { membershipOf, UnitAccess } from './unit-access';
import { DirectoryCallers } from './directory-callers';

const PRINCIPAL = '11111111-1111-4111-8111-111111111111';
const TEACHER = '22222222-2222-4222-8222-222222222222';
const ADMIN = '66666666-6666-4666-8666-666666666666';
const STAFF = '55555555-5555-4555-8555-555555555551';
const OTHER_STAFF = '55555555-5555-4555-8555-555555555552';

let store: Store<Entities>;
let callers: DirectoryCallers;
let unitId: string;
let otherId: string;

beforeEach(async () => {
  store = createMemoryStore(lists);
  const actor = { actor: ADMIN };
  unitId = (await store.create('units', { name: 'Björkskolan', type: 'grundskola', schoolUnitCode: '12345678', principalIds: [PRINCIPAL], staffGroupId: STAFF }, actor)).id;
  otherId = (await store.create('units', { name: 'Lindskolan', type: 'grundskola', schoolUnitCode: '87654321', principalIds: [], staffGroupId: OTHER_STAFF }, actor)).id;
  const directory = new LocalDirectory({
    personas: [{ userId: TEACHER, name: 'Kim Lärare', groups: [STAFF] }, { userId: ADMIN, name: 'Anna', groups: [], appRoles: ['Administration'] }, { userId: PRINCIPAL, name: 'Rut', groups: [] }],
  });
  callers = new DirectoryCallers(new UnitAccess(store), directory);
});

describe('DirectoryCallers.callerFor', () => {
  it('makes the caller a token would: the unit\'s staff group when the directory has them in it', async () => {
    const caller = await callers.callerFor({ userId: TEACHER, tenantId: 't' }, unitId);
    expect(caller).toMatchObject({ userId: TEACHER, groups: [STAFF], appRoles: [], principalOfUnitIds: [] });
    const unit = await store.get('units', unitId);
    expect(authorize(caller, 'action.update', { unit: membershipOf(unit), ownerId: TEACHER }).allowed).toBe(true);
  });

  it('asks only about the unit the change is in: staff of one unit are no staff of another', async () => {
    const caller = await callers.callerFor({ userId: TEACHER }, otherId);
    expect(caller.groups).toEqual([]);
    expect(authorize(caller, 'followUp.answer', { unit: membershipOf(await store.get('units', otherId)), respondentId: TEACHER }).allowed).toBe(false);
  });

  it('carries the app roles the directory knows, and the units a principal leads from the Units list', async () => {
    expect((await callers.callerFor({ userId: ADMIN }, unitId)).appRoles).toEqual(['Administration']);
    expect((await callers.callerFor({ userId: PRINCIPAL }, undefined)).principalOfUnitIds).toEqual([unitId]);
  });

  it('gives someone the directory does not know nothing a role or a group would', async () => {
    expect(await callers.callerFor({ userId: 'user-id-0' }, unitId)).toMatchObject({ appRoles: [], groups: [], principalOfUnitIds: [] });
  });
});

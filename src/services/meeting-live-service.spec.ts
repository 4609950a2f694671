import { describe, expect, it } from 'vitest';
import { lists, type Entities } from '../lists/lists';
import { ConflictError } from '../store/errors';
import { createMemoryStore } from '../store/memory-store';
import { startedMirror } from '../store/test-kit';
import type { Action } from '../domain';
import type { Store, StoredItem } from '../store/port';
import type { Caller } from './caller';
import { ForbiddenError } from './errors';
import { agendaItemVersion } from './meeting-live-agenda';
import { AgendaItemConflictError, MeetingLiveService, meetingActions } from './meeting-live-service';
import { MeetingService } from './meeting-service';
import { UnitAccess } from './unit-access';

const principalId = '0b000000-0000-4000-8000-000000000001';
const staffGroup = '0b000000-0000-4000-8000-0000000000aa';
const staffId = '0b000000-0000-4000-8000-000000000002';
const outsiderId = '0b000000-0000-4000-8000-000000000003';

function caller(userId: string, groups: string[] = [], principalOfUnitIds: string[] = []): Caller {
  return { userId, tenantId: 't', name: `User ${userId.slice(-1)}`, appRoles: [], groups, groupsOverage: false, principalOfUnitIds };
}

/** A store whose next meeting update is preceded by someone else's write of the same meeting. */
function racingStore(store: Store<Entities>, race: () => Promise<void>): Store<Entities> & { raced: number } {
  let pending = true;
  const wrapped = Object.create(store) as Store<Entities> & { raced: number };
  wrapped.raced = 0;
  wrapped.update = async (list, id, patch, options) => {
    if (list === 'meetings' && pending) {
      pending = false;
      await race();
      wrapped.raced++;
    }
    return store.update(list, id, patch, options);
  };
  return wrapped;
}

async function setUp() {
  const store = createMemoryStore<Entities>(lists);
  const unit = await store.create('units', { name: 'Björkskolan', type: 'grundskola', schoolUnitCode: '12345678', principalIds: [principalId], staffGroupId: staffGroup }, { actor: principalId });
  const meeting = await store.create('meetings', {
    type: 'resultsConference', title: 'Resultatkonferens', unitId: unit.id, startsAt: '2026-03-10T13:00:00Z', schoolYear: '2025/26',
    participants: [], agenda: [{ id: '1', title: 'Resultat' }, { id: '2', title: 'Analys' }],
  }, { actor: principalId });
  const { readModel } = await startedMirror(store, store);
  const service = (s: Store<Entities>) => {
    const access = new UnitAccess(s);
    return new MeetingLiveService(s, readModel, access, new MeetingService(s, access));
  };
  return { store, readModel, unit, meeting, service, principal: caller(principalId, [], [unit.id]), staff: caller(staffId, [staffGroup]) };
}

describe('MeetingLiveService.changeAgendaItem', () => {
  it('reads again and keeps a concurrent write of another agenda item', async () => {
    const { store, meeting, service, staff } = await setUp();
    const raced = racingStore(store, async () => {
      const fresh = await store.get('meetings', meeting.id);
      await store.update('meetings', meeting.id, { agenda: fresh.fields.agenda.map((item) => (item.id === '2' ? { ...item, notes: 'Någon annans' } : item)) }, { actor: principalId, etag: fresh.etag });
    });
    const item = meeting.fields.agenda[0];
    if (!item) throw new Error('agenda');
    const saved = await service(raced).changeAgendaItem(staff, meeting.id, '1', { notes: 'Min' }, agendaItemVersion(item));
    expect(raced.raced).toBe(1);
    expect(saved.notes).toBe('Min');
    const after = await store.get('meetings', meeting.id);
    expect(after.fields.agenda.map((entry) => entry.notes)).toEqual(['Min', 'Någon annans']);
  });

  it('refuses a stale version of the same item with the item as it is now', async () => {
    const { store, meeting, service, principal, staff } = await setUp();
    const item = meeting.fields.agenda[0];
    if (!item) throw new Error('agenda');
    await service(store).changeAgendaItem(principal, meeting.id, '1', { notes: 'Först' }, agendaItemVersion(item));
    const error = await service(store).changeAgendaItem(staff, meeting.id, '1', { notes: 'Sen' }, agendaItemVersion(item)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AgendaItemConflictError);
    expect((error as AgendaItemConflictError).current).toMatchObject({ id: '1', notes: 'Först' });
  });

  it('gives up with a ConflictError after a bounded number of lost races', async () => {
    const { store, readModel, meeting, staff } = await setUp();
    const always = Object.create(store) as Store<Entities>;
    always.update = async (list, id) => {
      throw new ConflictError(list, id, await store.get('meetings', id));
    };
    const access = new UnitAccess(always);
    const service = new MeetingLiveService(always, readModel, access, new MeetingService(always, access), { mergeAttempts: 3 });
    await expect(service.addDecision(staff, meeting.id, '1', 'Beslut')).rejects.toBeInstanceOf(ConflictError);
    expect((await store.get('meetings', meeting.id)).fields.agenda[0]?.decisions).toBeUndefined();
  });

  it('lets a principal of another unit read the meeting but not record in it', async () => {
    const { store, meeting, service } = await setUp();
    const colleague = caller(outsiderId, [], ['99']);
    await expect(service(store).addAgendaItem(colleague, meeting.id, 'Övrigt')).rejects.toBeInstanceOf(ForbiddenError);
    const live = await service(store).live(colleague, meeting.id);
    expect(live.canRecord).toBe(false);
    expect(live.responses).toEqual([]);
    expect(live.agenda.map((item) => item.title)).toEqual(['Resultat', 'Analys']);
  });
});

describe('MeetingLiveService.live', () => {
  it('lists the actions from the meeting and those recorded in it from an analysis or a deficiency, each once, by due date', async () => {
    const { store, unit, meeting, service, staff } = await setUp();
    const deficiency = await store.create('deficiencies', { title: 'Brist', unitId: unit.id, source: 'other', foundOn: '2026-02-01', status: 'open' }, { actor: principalId });
    const base = { unitId: unit.id, ownerId: staffId, status: 'planned' as const, schoolYear: '2025/26' };
    await store.create('actions', { ...base, title: 'Från mötet', dueDate: '2026-05-01', originKind: 'meeting', originId: meeting.id, meetingId: meeting.id }, { actor: staffId });
    await store.create('actions', { ...base, title: 'Från bristen', dueDate: '2026-04-01', originKind: 'deficiency', originId: deficiency.id, meetingId: meeting.id }, { actor: staffId });
    await store.create('actions', { ...base, title: 'Bristen, utan möte', dueDate: '2026-04-02', originKind: 'deficiency', originId: deficiency.id }, { actor: staffId });
    const live = await service(store).live(staff, meeting.id);
    expect(live.actions.map((action) => action.fields.title)).toEqual(['Från bristen', 'Från mötet']);
  });
});

describe('meetingActions', () => {
  const action = (id: string, originKind: 'meeting' | 'analysis'): StoredItem<Action> => ({
    id, etag: `"${id}"`, createdAt: '2026-03-10T00:00:00Z', modifiedAt: '2026-03-10T00:00:00Z',
    fields: { title: `Åtgärd ${id}`, unitId: '1', ownerId: staffId, dueDate: '2026-05-01', status: 'planned', originKind, originId: '7', schoolYear: '2025/26' },
  });

  it('keeps an originId match only when its origin is a meeting, and each action once', () => {
    const both = action('1', 'meeting');
    const sameIdOtherList = action('2', 'analysis');
    const recorded = action('3', 'analysis');
    expect(meetingActions([both, sameIdOtherList], [both, recorded]).map((a) => a.id)).toEqual(['1', '3']);
  });
});

import { MeetingSchema, type Meeting } from '../domain';
import type { Entities } from '../lists/lists';
import type { Page, Store, StoredItem } from '../store/port';
import type { Caller } from './caller';
import { actorOf } from './caller';
import { Bindings, meetingClaims } from './bindings';
import { NoAccessToUnitError, NotVisibleError } from './errors';
import { mayReadMeeting } from './meeting-readers';
import { createOptions, pageQuery, type PageRequest } from './paging';
import type { UnitAccess } from './unit-access';

export type MeetingInput = Omit<Meeting, 'unitId' | 'startedAt' | 'endedAt' | 'attendees'>;
export type MeetingPatch = Partial<Omit<Meeting, 'unitId' | 'attendees'>>;

/**
 * Meetings of the quality work. A unit's meeting follows the unit's permissions; an
 * organizer-level meeting (no unit) is read by the administration, the board and its participants.
 */
export class MeetingService {
  private readonly bindings: Bindings;

  constructor(private readonly store: Store<Entities>, private readonly access: UnitAccess) {
    this.bindings = new Bindings(store, access);
  }

  async list(caller: Caller, unitId: string, page: PageRequest = {}): Promise<Page<Meeting>> {
    await this.access.require(caller, 'unit.read', unitId);
    return this.store.query('meetings', pageQuery({
      filter: [{ field: 'unitId', op: 'eq', value: unitId }],
      orderBy: { field: 'startsAt', descending: true },
    }, page));
  }

  /** Creates a unit's meeting; a Teams meeting or chat it names must be free (see Bindings), or moved by the administration. */
  async create(caller: Caller, unitId: string, input: MeetingInput, clientKey?: string, move = false): Promise<StoredItem<Meeting>> {
    await this.access.require(caller, 'unit.edit', unitId);
    const meeting = MeetingSchema.parse({ ...input, unitId });
    return this.bindings.write(caller, { list: 'meetings' }, meetingClaims(meeting), move, () =>
      this.store.create('meetings', meeting, createOptions(actorOf(caller), clientKey)));
  }

  async get(caller: Caller, id: string): Promise<StoredItem<Meeting>> {
    const meeting = await this.store.get('meetings', id);
    await this.requireReadable(caller, meeting);
    return meeting;
  }

  async byTeamsMeetingId(caller: Caller, teamsMeetingId: string): Promise<StoredItem<Meeting>> {
    const found = await this.store.query('meetings', { filter: [{ field: 'teamsMeetingId', op: 'eq', value: teamsMeetingId }], top: 1 });
    const meeting = found.items[0];
    if (!meeting) throw new NotVisibleError('meeting');
    // linked to a unit this caller may not read: say so, without the unit
    if (!(await mayReadMeeting(this.access, caller, meeting))) throw new NoAccessToUnitError('meeting');
    return meeting;
  }

  /** Changes a meeting; a Teams meeting or chat it newly names must be free (see Bindings), or moved by the administration. */
  async update(caller: Caller, id: string, patch: MeetingPatch, etag: string, move = false): Promise<StoredItem<Meeting>> {
    const current = await this.get(caller, id);
    if (current.fields.unitId === undefined) this.access.requireGlobal(caller, 'organizer.edit');
    else await this.access.require(caller, 'unit.edit', current.fields.unitId);
    MeetingSchema.parse({ ...current.fields, ...patch });
    return this.bindings.write(caller, { list: 'meetings', id }, meetingClaims(patch), move, () =>
      this.store.update('meetings', id, patch, { ...actorOf(caller), etag }));
  }

  /** Readable: the unit's readers, or for an organizer-level meeting the roll-up's readers and participants. */
  async requireReadable(caller: Caller, meeting: StoredItem<Meeting>): Promise<void> {
    if (!(await mayReadMeeting(this.access, caller, meeting))) throw new NotVisibleError('meeting');
  }
}

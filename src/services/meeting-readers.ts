import { authorize } from '../auth/policy';
import type { Meeting } from '../domain';
import type { StoredItem } from '../store/port';
import type { Caller } from './caller';
import type { UnitAccess } from './unit-access';

/** Who took part in and who reads a meeting, shared by the services that load one (meetings, bindings, follow-ups, the meeting extension). */
/**
 * Whether the caller took part: named in the participation record, or joined the Teams meeting (its
 * participant events, which is also who the follow-up questions went to).
 */
export function isParticipant(caller: Caller, meeting: Pick<Meeting, 'participants' | 'attendees'>): boolean {
  return meeting.participants.some((participant) => participant.userId === caller.userId)
    || (meeting.attendees ?? []).some((attendee) => attendee.userId === caller.userId);
}

/** Whether the caller may read the meeting: the unit's readers, or for an organizer-level meeting the roll-up's readers and participants. */
export async function mayReadMeeting(access: UnitAccess, caller: Caller, meeting: StoredItem<Meeting>): Promise<boolean> {
  if (meeting.fields.unitId !== undefined) return access.allows(caller, 'unit.read', meeting.fields.unitId);
  return isParticipant(caller, meeting.fields) || authorize(caller, 'organizer.read').allowed;
}

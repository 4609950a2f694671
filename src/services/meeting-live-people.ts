/**
 * Who can own an action recorded in a meeting. There is no directory of a unit's staff in the
 * lists (staff are an Entra group), so the candidates are the people the lists already name: the
 * meeting's participants, the unit's principals, the owners of the meeting's actions, and the
 * caller. Names come only from those records (or the caller's token); a principal nobody has named
 * yet is shown by role.
 */
import type { Action, Meeting, Unit } from '../domain';

/** A candidate owner. */
export interface MeetingPerson {
  readonly userId: string;
  readonly name: string;
  /** principal of the unit, a participant, or someone who owns one of the meeting's actions */
  readonly roles: readonly ('principal' | 'participant' | 'owner' | 'you')[];
}

export interface PeopleSources {
  readonly meeting: Pick<Meeting, 'participants'>;
  readonly unit?: Pick<Unit, 'principalIds'>;
  readonly actions: readonly Pick<Action, 'ownerId' | 'ownerName'>[];
  readonly caller: { readonly userId: string; readonly name: string };
}

/** The name shown for a principal nobody has named yet. */
export const unnamedPrincipal = 'Rektor';

export function meetingPeople(sources: PeopleSources): MeetingPerson[] {
  const byId = new Map<string, { name?: string; roles: Set<MeetingPerson['roles'][number]> }>();
  const note = (userId: string, role: MeetingPerson['roles'][number], name?: string): void => {
    const entry = byId.get(userId) ?? { roles: new Set() };
    entry.roles.add(role);
    if (name !== undefined && entry.name === undefined) entry.name = name;
    byId.set(userId, entry);
  };
  for (const participant of sources.meeting.participants) {
    if (participant.userId !== undefined) note(participant.userId, 'participant', participant.displayName);
  }
  note(sources.caller.userId, 'you', sources.caller.name);
  for (const action of sources.actions) note(action.ownerId, 'owner', action.ownerName);
  for (const principalId of sources.unit?.principalIds ?? []) note(principalId, 'principal');
  return [...byId.entries()]
    .map(([userId, entry]) => ({ userId, name: entry.name ?? unnamedPrincipal, roles: [...entry.roles].sort() }))
    .sort((a, b) => a.name.localeCompare(b.name, 'sv') || a.userId.localeCompare(b.userId));
}

/**
 * Teams' participant events (application/vnd.microsoft.meetingParticipantJoin and ...Leave, RSC
 * OnlineMeetingParticipant.Read.Chat): who joined the meeting is kept on it, so the follow-up
 * questions go to those who were there. Only the unit's own people are kept (a pupil or a guest
 * who joins is not), and only their ids: the Entra object id and the Teams user id.
 */
import { z } from 'zod';
import type { Attendee } from '../../src/domain';
import type { BotMeeting } from '../data/entities';
import type { FlowContext } from './context';
import { changeMeeting, findMeeting } from './meetings';
import type { Turn } from './turn';

/** The event's value as Teams sends it: `members[]` of `{ user, meeting: { inMeeting, role } }`; other fields are left alone. */
const ParticipantEventSchema = z.object({
  members: z.array(z.object({
    user: z.object({ id: z.string().min(1).max(255), aadObjectId: z.guid().optional() }),
    meeting: z.object({ inMeeting: z.boolean() }).optional(),
  })).max(500),
});

export type ParticipantEventOutcome = { kind: 'notLinked' | 'ignored' } | { kind: 'recorded'; meetingId: string; attendees: number };

/** A join or a leave: `joined` says which when the event does not (`meeting.inMeeting`). */
export async function onParticipantEvent(ctx: FlowContext, turn: Turn, joined: boolean): Promise<ParticipantEventOutcome> {
  const parsed = ParticipantEventSchema.safeParse(turn.info.value);
  if (!parsed.success) {
    ctx.log(`participant event in ${turn.info.conversationId}: not the shape Teams sends (${parsed.error.issues[0]?.message ?? 'invalid'})`);
    return { kind: 'ignored' };
  }
  const meeting = await findMeeting(ctx.store, turn.info.meetingId, turn.info.conversationId);
  if (!meeting) return { kind: 'notLinked' };
  const seen: Attendee[] = [];
  for (const member of parsed.data.members) {
    const userId = member.user.aadObjectId;
    if (userId === undefined || !(await isOwnPerson(ctx, meeting.fields, userId, turn.info.tenantId))) continue;
    seen.push({ userId, teamsId: member.user.id, inMeeting: member.meeting?.inMeeting ?? joined });
  }
  if (seen.length === 0) return { kind: 'ignored' };
  const written = await changeMeeting(ctx.store, meeting, (fields) => {
    const before = fields.attendees ?? [];
    const byId = new Map(before.map((a) => [a.userId, a]));
    for (const attendee of seen) byId.set(attendee.userId, attendee);
    const attendees = [...byId.values()];
    return JSON.stringify(attendees) === JSON.stringify(before) ? undefined : { attendees };
  });
  return { kind: 'recorded', meetingId: meeting.id, attendees: written.fields.attendees?.length ?? 0 };
}

/**
 * Whether the one who joined is the meeting's own: for a unit's meeting, someone who may read the
 * unit (its staff and principals, the administration), asked as the API would; for an organizer
 * meeting, the administration, the board and the principals.
 */
export async function isOwnPerson(ctx: FlowContext, meeting: BotMeeting, userId: string, tenantId: string | undefined): Promise<boolean> {
  const caller = await ctx.services.callers.callerFor({ userId, ...(tenantId ? { tenantId } : {}) }, meeting.unitId);
  if (meeting.unitId !== undefined) return ctx.services.access.allows(caller, 'unit.read', meeting.unitId);
  return caller.appRoles.length > 0 || caller.principalOfUnitIds.length > 0;
}

import { z } from 'zod';
import { MeetingSchema, agendaItem, participant, type Meeting as MeetingFields } from '../domain';
import { ActionItemSchema } from './actions';
import { FollowUpResponseItemSchema, FollowUpTemplateItemSchema } from './follow-ups';
import { itemSchema, listOf, pageSchema, type Item, type ItemPage } from './item';

/** `/units/:unitId/meetings`, `/meetings/:id`, `/meetings/by-teams-id/:id`, `/meetings/link`, `/my/follow-ups`. */
export const MeetingItemSchema = itemSchema(MeetingSchema);
export type Meeting = Item<MeetingFields>;
export const MeetingPageSchema = pageSchema(MeetingItemSchema);
export type MeetingPage = ItemPage<MeetingFields>;

/** An agenda item with its version: send the version back as If-Match to change it. */
export const LiveAgendaItemSchema = agendaItem.extend({ version: z.string().min(1) });
export type LiveAgendaItem = z.infer<typeof LiveAgendaItemSchema>;

export const meetingPersonRoles = ['principal', 'participant', 'owner', 'you'] as const;

/** Someone who can own an action recorded in the meeting. */
export const MeetingPersonSchema = z.strictObject({
  userId: z.string().min(1),
  name: z.string().min(1),
  roles: listOf(z.enum(meetingPersonRoles)),
});
export type MeetingPerson = z.infer<typeof MeetingPersonSchema>;

/** `GET /meetings/:id/live`: what the side panel, stage and details tab show; 304 while `version` holds. */
export const MeetingLiveSchema = z.strictObject({
  meeting: MeetingItemSchema.extend({ agenda: listOf(LiveAgendaItemSchema) }),
  /** the meeting's actions by due date, with those recorded in it from an analysis or a deficiency */
  actions: listOf(ActionItemSchema),
  /** follow-up answers so far (empty for callers who may not read them) */
  responses: listOf(FollowUpResponseItemSchema),
  /** the newest version of the meeting type's questions */
  template: FollowUpTemplateItemSchema.nullable(),
  people: listOf(MeetingPersonSchema),
  /** whether the caller may record in the meeting */
  canRecord: z.boolean(),
  /** the state's entity tag, also sent as ETag */
  version: z.string().min(1),
});
export type MeetingLive = z.infer<typeof MeetingLiveSchema>;

/** `PUT`/`DELETE /meetings/:id/participants`: who took part, as recorded now. */
export const ParticipantsSchema = z.strictObject({ participants: listOf(participant) });
export type Participants = z.infer<typeof ParticipantsSchema>;

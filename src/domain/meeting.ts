import { z } from 'zod';
import { isoDateTime, itemId, participant, schoolYear } from './common';
import { freeText, longText, title } from './text';
import { meetingTypes } from './choices';

export const agendaItem = z.strictObject({
  id: z.string().min(1).max(50),
  title,
  decisions: z.array(freeText(2_000).pipe(z.string().min(1))).max(50).optional(),
  notes: longText.optional(),
});

/** A meeting of the quality work, held in Teams. An organizer-level meeting has no unit. */
export const MeetingSchema = z.strictObject({
  type: z.enum(meetingTypes),
  title,
  unitId: itemId.optional(),
  startsAt: isoDateTime,
  schoolYear,
  teamsMeetingId: z.string().min(1).max(255).optional(),
  chatId: z.string().min(1).max(255).optional(),
  participants: z.array(participant).max(500),
  agenda: z.array(agendaItem).max(50),
  yearWheelActivityId: itemId.optional(),
  endedAt: isoDateTime.optional(),
});
export type Meeting = z.infer<typeof MeetingSchema>;

import { z } from 'zod';
import { isoDateTime, itemId, objectId, participant, schoolYear } from './common';
import { freeText, longText, title } from './text';
import { meetingTypes, type MeetingType } from './choices';

export const agendaItem = z.strictObject({
  id: z.string().min(1).max(50),
  title,
  decisions: z.array(freeText(2_000).pipe(z.string().min(1))).max(50).optional(),
  notes: longText.optional(),
});

/**
 * Someone who joined the Teams meeting, as its participant events told the bot: a staff member's
 * Entra object id and Teams user id (the follow-up card goes to them), never a name, never a pupil.
 */
export const attendee = z.strictObject({
  userId: objectId,
  teamsId: z.string().min(1).max(255),
  /** whether they are in the meeting now: the last join or leave event said so */
  inMeeting: z.boolean(),
});
export type Attendee = z.infer<typeof attendee>;

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
  /** when the Teams meeting started, as its meetingStart event said (the first one) */
  startedAt: isoDateTime.optional(),
  endedAt: isoDateTime.optional(),
  /** who joined the Teams meeting (participant events); the follow-up questions go to them */
  attendees: z.array(attendee).max(500).optional(),
});
export type Meeting = z.infer<typeof MeetingSchema>;

/** A decision or a note of a meeting, under the agenda item it was recorded at. */
export interface MeetingRecordEntry {
  readonly agendaItemId: string;
  readonly agendaItem: string;
  readonly text: string;
}

/**
 * What a meeting decided and noted, in agenda order: the record Möten, the bot's summary card and
 * the unit report show after the meeting.
 */
export function decisionsAndNotes(meeting: { readonly agenda: readonly Meeting['agenda'][number][] }): { decisions: MeetingRecordEntry[]; notes: MeetingRecordEntry[] } {
  const entry = (item: Meeting['agenda'][number], text: string): MeetingRecordEntry => ({ agendaItemId: item.id, agendaItem: item.title, text });
  return {
    decisions: meeting.agenda.flatMap((item) => (item.decisions ?? []).map((text) => entry(item, text))),
    notes: meeting.agenda.flatMap((item) => (item.notes !== undefined && item.notes.trim() !== '' ? [entry(item, item.notes)] : [])),
  };
}

/**
 * The agenda a newly linked meeting starts with, by its type: the wheel's questions in the order
 * the meeting asks them (a kvalitetsdialog lifts strengths before what to develop). The meeting's
 * people change it freely in the side panel.
 */
const defaultAgendas: Record<MeetingType, readonly string[]> = {
  resultsConference: ['Resultat sedan förra konferensen', 'Analys: varför blev det som det blev?', 'Uppföljning av pågående åtgärder', 'Nya åtgärder med ansvar'],
  skaDay: ['Resultat och analys i kommunen', 'Gemensamma utvecklingsområden', 'Kollegialt lärande mellan enheterna', 'Åtgärder med ansvar'],
  dialogueDay: ['Resultat och analys i kommunen', 'Prioriteringar och resurser', 'Återkoppling till enheterna'],
  qualityDialogue: ['Styrkor: det som fungerar', 'Utvecklingsområden', 'Åtgärder med ansvar'],
  workshop: ['Var är vi?', 'Vart ska vi?', 'Hur gör vi?'],
};

export function defaultAgenda(type: MeetingType): Meeting['agenda'] {
  return defaultAgendas[type].map((title, index) => ({ id: `a${index + 1}`, title }));
}

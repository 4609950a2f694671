/**
 * A meeting's decisions, as the side panel records them: on its agenda items, each decision under
 * the item it was taken at. The one place the reports read decisions from.
 */
import type { Meeting } from '../../domain';

export interface MeetingDecision {
  /** the agenda item the decision was taken at */
  readonly agendaItem: string;
  readonly text: string;
}

/** The decisions of a meeting in agenda order. */
export function meetingDecisions(meeting: Pick<Meeting, 'agenda'>): MeetingDecision[] {
  return meeting.agenda.flatMap((item) => (item.decisions ?? []).map((text) => ({ agendaItem: item.title, text })));
}

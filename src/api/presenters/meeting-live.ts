import type { MeetingLive, Participants } from '../../contract';
import type { Participant } from '../../domain';
import type { MeetingLive as LiveState } from '../../services/meeting-live-service';
import { represent } from './item';

/** The live state without its version: the version is a hash over exactly this. */
export type LiveBody = Omit<MeetingLive, 'version'>;

/** `GET /meetings/:id/live`: the meeting with its versioned agenda, its actions, answers, questions and people. */
export function presentLive(live: LiveState): LiveBody {
  return {
    meeting: { ...represent(live.meeting), agenda: live.agenda },
    actions: live.actions.map(represent),
    responses: live.responses.map(represent),
    template: live.template ? represent(live.template) : null,
    people: live.people,
    canRecord: live.canRecord,
  };
}

/** `PUT`/`DELETE /meetings/:id/participants`. */
export function presentParticipants(participants: readonly Participant[]): Participants {
  return { participants };
}

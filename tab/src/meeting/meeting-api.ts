/**
 * The meeting extension's calls, on top of the tab's API client (same token, same problem
 * errors). `live` sends the version it has as If-None-Match and answers null when nothing changed.
 */
import type { LiveAgendaItem, Meeting, MeetingLive, Participants } from '../../../src/contract';
import type { MeetingType, Participant } from '../../../src/domain';
import type { ApiClient } from '../api/client';
import { ProblemError } from '../api/problem-error';

/** `POST /api/meetings/link`. */
export interface LinkRequest {
  teamsMeetingId: string;
  chatId?: string;
  unitId: string;
  type: MeetingType;
  title: string;
  startsAt: string;
}

export class MeetingApi {
  constructor(private readonly api: ApiClient) {}

  /** The live state, or null when it is still `version`. */
  async live(meetingId: string, version?: string): Promise<MeetingLive | null> {
    try {
      return await this.api.call('GET /meetings/:id/live', { id: meetingId }, version ? { headers: { 'if-none-match': `"${version}"` } } : {});
    } catch (error) {
      if (error instanceof ProblemError && error.status === 304) return null;
      throw error;
    }
  }

  /** The Meeting item of a Teams meeting; null when it is not linked yet. */
  async byTeamsId(teamsMeetingId: string): Promise<Meeting | null> {
    try {
      return await this.api.call('GET /meetings/by-teams-id/:teamsMeetingId', { teamsMeetingId });
    } catch (error) {
      if (error instanceof ProblemError && error.status === 404) return null;
      throw error;
    }
  }

  link(request: LinkRequest): Promise<Meeting> {
    return this.api.call('POST /meetings/link', {}, { body: request });
  }

  changeAgendaItem(meetingId: string, item: Pick<LiveAgendaItem, 'id' | 'version'>, change: { notes?: string; title?: string }): Promise<LiveAgendaItem> {
    return this.api.call('PATCH /meetings/:id/agenda/:itemId', { id: meetingId, itemId: item.id }, { body: change, etag: `"${item.version}"` });
  }

  addDecision(meetingId: string, itemId: string, text: string): Promise<LiveAgendaItem> {
    return this.api.call('POST /meetings/:id/agenda/:itemId/decisions', { id: meetingId, itemId }, { body: { text } });
  }

  addAgendaItem(meetingId: string, title: string): Promise<LiveAgendaItem> {
    return this.api.call('POST /meetings/:id/agenda', { id: meetingId }, { body: { title } });
  }

  recordParticipant(meetingId: string, participant: Participant): Promise<Participants> {
    return this.api.call('PUT /meetings/:id/participants', { id: meetingId }, { body: { participant } });
  }

  removeParticipant(meetingId: string, key: string): Promise<Participants> {
    return this.api.call('DELETE /meetings/:id/participants/:key', { id: meetingId, key });
  }
}

/** The key of a participation entry, as the server forms it. */
export function participantKey(participant: Participant): string {
  if (participant.userId !== undefined) return `user:${participant.userId}`;
  if (participant.displayName !== undefined) return `name:${participant.displayName.toLocaleLowerCase('sv')}`;
  return `role:${participant.role}`;
}

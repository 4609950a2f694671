/**
 * The meeting extension's calls, on top of the tab's API client (same token, same problem
 * errors). `live` sends the version it has as If-None-Match and answers null when nothing changed.
 */
import type { ApiClient } from '../api/client';
import { ProblemError } from '../api/problem-error';
import type { Action, FollowUpResponse, FollowUpTemplate, Meeting, MeetingType, Participant } from '../api/types';

/** An agenda item with its version (send it back as If-Match). */
export interface LiveAgendaItem {
  id: string;
  title: string;
  notes?: string;
  decisions?: string[];
  version: string;
}

/** Someone who can own an action (see the server's meetingPeople). */
export interface MeetingPerson {
  userId: string;
  name: string;
  roles: string[];
}

/** `GET /api/meetings/:id/live`. */
export interface MeetingLive {
  meeting: Omit<Meeting, 'agenda'> & { agenda: LiveAgendaItem[] };
  actions: Action[];
  responses: FollowUpResponse[];
  template: FollowUpTemplate | null;
  people: MeetingPerson[];
  canRecord: boolean;
  /** the state's entity tag */
  version: string;
}

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
      return await this.api.request<MeetingLive>('GET', `/api/meetings/${enc(meetingId)}/live`, version ? { headers: { 'if-none-match': `"${version}"` } } : {});
    } catch (error) {
      if (error instanceof ProblemError && error.status === 304) return null;
      throw error;
    }
  }

  /** The Meeting item of a Teams meeting; null when it is not linked yet. */
  async byTeamsId(teamsMeetingId: string): Promise<Meeting | null> {
    try {
      return await this.api.request<Meeting>('GET', `/api/meetings/by-teams-id/${enc(teamsMeetingId)}`);
    } catch (error) {
      if (error instanceof ProblemError && error.status === 404) return null;
      throw error;
    }
  }

  link(request: LinkRequest): Promise<Meeting> {
    return this.api.request('POST', '/api/meetings/link', { body: request });
  }

  changeAgendaItem(meetingId: string, item: Pick<LiveAgendaItem, 'id' | 'version'>, change: { notes?: string; title?: string }): Promise<LiveAgendaItem> {
    return this.api.request('PATCH', `/api/meetings/${enc(meetingId)}/agenda/${enc(item.id)}`, { body: change, etag: `"${item.version}"` });
  }

  addDecision(meetingId: string, itemId: string, text: string): Promise<LiveAgendaItem> {
    return this.api.request('POST', `/api/meetings/${enc(meetingId)}/agenda/${enc(itemId)}/decisions`, { body: { text } });
  }

  addAgendaItem(meetingId: string, title: string): Promise<LiveAgendaItem> {
    return this.api.request('POST', `/api/meetings/${enc(meetingId)}/agenda`, { body: { title } });
  }

  recordParticipant(meetingId: string, participant: Participant): Promise<{ participants: Participant[] }> {
    return this.api.request('PUT', `/api/meetings/${enc(meetingId)}/participants`, { body: { participant } });
  }

  removeParticipant(meetingId: string, key: string): Promise<{ participants: Participant[] }> {
    return this.api.request('DELETE', `/api/meetings/${enc(meetingId)}/participants/${enc(key)}`);
  }
}

/** The key of a participation entry, as the server forms it. */
export function participantKey(participant: Participant): string {
  if (participant.userId !== undefined) return `user:${participant.userId}`;
  if (participant.displayName !== undefined) return `name:${participant.displayName.toLocaleLowerCase('sv')}`;
  return `role:${participant.role}`;
}

function enc(segment: string): string {
  return encodeURIComponent(segment);
}

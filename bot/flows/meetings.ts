/** Finding the meeting, its actions and its follow-up template in the lists, and changing the meeting as the bot. */
import { z } from 'zod';
import { isoDateTime, isOpen } from '../../src/domain';
import { ConflictError } from '../../src/store/errors';
import type { StoredItem } from '../../src/store/port';
import type { BotAction, BotFollowUpTemplate, BotMeeting, BotStore, MeetingType } from '../data/entities';
import { BOT_ACTOR } from '../outbox/jobs';

/**
 * Writes `change(fields)` to the meeting with its eTag; a concurrent edit (the side panel, another
 * event) is read again and the change applied to it, never overwritten. `change` answers undefined
 * when there is nothing to write (so a redelivered event changes nothing).
 */
export async function changeMeeting(
  store: BotStore,
  meeting: StoredItem<BotMeeting>,
  change: (fields: BotMeeting) => Partial<BotMeeting> | undefined,
): Promise<StoredItem<BotMeeting>> {
  let current = meeting;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const patch = change(current.fields);
    if (patch === undefined) return current;
    try {
      return await store.update('meetings', current.id, patch, { actor: BOT_ACTOR, etag: current.etag });
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      current = error.current ? (error.current as StoredItem<BotMeeting>) : await store.get('meetings', current.id);
    }
  }
  throw new ConflictError('meetings', meeting.id, undefined);
}

/** The times Teams' meetingStart and meetingEnd events carry; one that is not a date-time is none. */
const EventTimesSchema = z.object({ StartTime: isoDateTime.optional().catch(undefined), EndTime: isoDateTime.optional().catch(undefined) });

/** The start (`value.StartTime`) or end (`value.EndTime`) of a meeting event, in UTC. */
export function eventTimeOf(value: unknown, field: 'StartTime' | 'EndTime'): string | undefined {
  const parsed = EventTimesSchema.safeParse(value);
  const time = parsed.success ? parsed.data[field] : undefined;
  return time !== undefined ? new Date(time).toISOString() : undefined;
}

/** The Meetings item for a Teams meeting: by its Teams meeting id, else by its chat id. */
export async function findMeeting(store: BotStore, teamsMeetingId: string | undefined, chatId: string): Promise<StoredItem<BotMeeting> | undefined> {
  if (teamsMeetingId) {
    const byMeeting = await store.query('meetings', { filter: [{ field: 'teamsMeetingId', op: 'eq', value: teamsMeetingId }], top: 1 });
    if (byMeeting.items[0]) return byMeeting.items[0];
  }
  const byChat = await store.query('meetings', { filter: [{ field: 'chatId', op: 'eq', value: chatId }], top: 1 });
  return byChat.items[0];
}

/**
 * The meeting's actions, soonest due first: those whose origin is the meeting and those recorded
 * in it from an analysis or a deficiency (meetingId), each once.
 */
export async function actionsFromMeeting(store: BotStore, meetingId: string): Promise<StoredItem<BotAction>[]> {
  const [byOrigin, recordedIn] = await Promise.all([
    store.queryAll('actions', { filter: [{ field: 'originId', op: 'eq', value: meetingId }] }),
    store.queryAll('actions', { filter: [{ field: 'meetingId', op: 'eq', value: meetingId }] }),
  ]);
  const byId = new Map<string, StoredItem<BotAction>>();
  // An originId match is the meeting's only when its kind says so: ids are per list.
  for (const action of byOrigin) if (action.fields.originKind === 'meeting') byId.set(action.id, action);
  for (const action of recordedIn) if (!byId.has(action.id)) byId.set(action.id, action);
  return [...byId.values()].sort(byDueDate);
}

export function byDueDate(a: StoredItem<BotAction>, b: StoredItem<BotAction>): number {
  return a.fields.dueDate.localeCompare(b.fields.dueDate);
}

/** The unit's open actions, soonest due first. */
export async function openActionsOfUnit(store: BotStore, unitId: string): Promise<StoredItem<BotAction>[]> {
  const items = await store.queryAll('actions', { filter: [{ field: 'unitId', op: 'eq', value: unitId }] });
  return items.filter((a) => isOpen(a.fields)).sort(byDueDate);
}

/** The latest version of the meeting type's template. */
export async function latestTemplate(store: BotStore, type: MeetingType): Promise<StoredItem<BotFollowUpTemplate> | undefined> {
  const items = await store.queryAll('followUpTemplates', { filter: [{ field: 'meetingType', op: 'eq', value: type }] });
  return items.sort((a, b) => b.fields.version - a.fields.version)[0];
}

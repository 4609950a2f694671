/**
 * Pure rules of the live meeting: a version per agenda item (so two people editing different
 * items never collide, and two editing the same item do), and the participation record.
 */
import { createHash } from 'node:crypto';
import type { Meeting, Participant } from '../domain';

export type AgendaItem = Meeting['agenda'][number];

/** What a side panel may change on one agenda item. */
export interface AgendaItemChange {
  readonly title?: string;
  readonly notes?: string;
  readonly decisions?: readonly string[];
}

/** A short, stable hash of a value's JSON (keys in the order written). */
export function shortHash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22);
}

/**
 * The version of one agenda item: a hash of its content. The client sends back the version it
 * edited; a different version now means someone else changed this item meanwhile.
 */
export function agendaItemVersion(item: AgendaItem): string {
  return shortHash([item.id, item.title, item.notes ?? '', item.decisions ?? []]);
}

/** An agenda item as the live view shows it: with its version. */
export type VersionedAgendaItem = AgendaItem & { readonly version: string };

export function withVersion(item: AgendaItem): VersionedAgendaItem {
  return { ...item, version: agendaItemVersion(item) };
}

/** The agenda with `change` applied to item `itemId`; undefined when the item is not there. */
export function changeAgendaItem(agenda: readonly AgendaItem[], itemId: string, change: AgendaItemChange): AgendaItem[] | undefined {
  const index = agenda.findIndex((item) => item.id === itemId);
  const current = agenda[index];
  if (index < 0 || current === undefined) return undefined;
  const next: AgendaItem = { ...current };
  if (change.title !== undefined) next.title = change.title;
  if (change.notes !== undefined) {
    if (change.notes === '') delete next.notes;
    else next.notes = change.notes;
  }
  if (change.decisions !== undefined) {
    if (change.decisions.length === 0) delete next.decisions;
    else next.decisions = [...change.decisions];
  }
  return agenda.map((item, at) => (at === index ? next : item));
}

/** A new agenda item id that is not in use: `a1`, `a2`, ... */
export function nextAgendaItemId(agenda: readonly AgendaItem[]): string {
  const used = new Set(agenda.map((item) => item.id));
  for (let n = agenda.length + 1; n < agenda.length + 1_000; n++) {
    if (!used.has(`a${n}`)) return `a${n}`;
  }
  return `a${Date.now()}`;
}

/**
 * The key that identifies one entry of the participation record: a staff member by their user
 * id (or name when there is no id), a counted group (pupils, children, guardians) by its role.
 */
export function participantKey(participant: Participant): string {
  if (participant.userId !== undefined) return `user:${participant.userId}`;
  if (participant.displayName !== undefined) return `name:${participant.displayName.toLocaleLowerCase('sv')}`;
  return `role:${participant.role}`;
}

/** The record with `participant` added, or replacing the entry with the same key. */
export function upsertParticipant(participants: readonly Participant[], participant: Participant): Participant[] {
  const key = participantKey(participant);
  const at = participants.findIndex((existing) => participantKey(existing) === key);
  if (at < 0) return [...participants, participant];
  return participants.map((existing, index) => (index === at ? participant : existing));
}

/** The record without the entry `key`. */
export function removeParticipant(participants: readonly Participant[], key: string): Participant[] {
  return participants.filter((existing) => participantKey(existing) !== key);
}

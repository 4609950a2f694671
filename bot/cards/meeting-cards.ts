import type { StoredItem } from '../../src/store/port';
import type { BotAction, BotMeeting } from '../data/entities';
import { decisionsAndNotes, vocabulary } from '../../src/domain';
import { attachment, card, dueLine, text, title, type CardAttachment, type CardElement } from './card';
import { distinctOriginLinks } from './origin-link';
import { strings } from './strings';
import type { Language } from '../../src/domain';

function actionRows(lang: Language, actions: readonly StoredItem<BotAction>[]): CardElement {
  return {
    type: 'FactSet',
    facts: actions.map((a) => ({
      title: a.fields.title,
      value: `${vocabulary.term.owner[lang]}: ${a.fields.ownerName ?? a.fields.ownerId} · ${dueLine(a.fields.dueDate, lang)}`,
    })),
  };
}

/** Who the follow-up questions went to: those who joined the meeting, or (no join recorded) the chat's members. */
export type FollowUpAudience = { readonly asked: number; readonly via: 'joined' | 'chatMembers' } | { readonly via: 'noQuestions' };

/** The most decisions a summary lists; the rest are in Möten (a card has a size limit). */
const summaryDecisionLimit = 20;

function audienceLine(lang: Language, audience: FollowUpAudience): string {
  const s = strings(lang);
  if (audience.via === 'noQuestions') return s.followUpNoQuestions;
  return audience.via === 'joined' ? s.followUpToJoined(audience.asked) : s.followUpToChat(audience.asked);
}

/** Posted to the meeting chat when the meeting ends: its decisions, then its actions with owners and due dates. */
export function meetingSummaryCard(lang: Language, meeting: BotMeeting, actions: readonly StoredItem<BotAction>[], audience: FollowUpAudience, tabUrl?: string): CardAttachment {
  const s = strings(lang);
  const { decisions } = decisionsAndNotes(meeting);
  const shown = decisions.slice(0, summaryDecisionLimit);
  return attachment(card(lang, [
    title(s.summaryTitle(meeting.title)),
    text(s.summaryDecisions, { weight: 'Bolder' }),
    ...(shown.length ? shown.map((d) => text(`${d.agendaItem}: ${d.text}`)) : [text(s.summaryNoDecisions, { isSubtle: true })]),
    ...(decisions.length > shown.length ? [text(s.summaryMoreDecisions(decisions.length - shown.length), { isSubtle: true })] : []),
    text(s.summaryActions, { weight: 'Bolder' }),
    actions.length ? actionRows(lang, actions) : text(s.summaryNoActions, { isSubtle: true }),
    text(audienceLine(lang, audience), { isSubtle: true }),
  ], distinctOriginLinks(lang, tabUrl, actions.map((a) => a.fields))));
}

/** Asks the principal to link a meeting the bot does not know yet. */
export function linkMeetingCard(lang: Language): CardAttachment {
  const s = strings(lang);
  return attachment(card(lang, [title(s.linkTitle), text(s.linkText)]));
}

function agendaItems(agenda: unknown): string[] {
  if (typeof agenda === 'string') return agenda.split('\n').map((l) => l.trim()).filter(Boolean);
  if (!Array.isArray(agenda)) return [];
  return agenda.map((item: unknown) => {
    if (typeof item === 'string') return item;
    if (item && typeof item === 'object' && 'title' in item) return String((item as { title: unknown }).title);
    return '';
  }).filter(Boolean);
}

/** Posted to the meeting chat when the meeting starts: the agenda and the unit's open actions. */
export function agendaCard(lang: Language, meeting: BotMeeting, openActions: readonly StoredItem<BotAction>[]): CardAttachment {
  const s = strings(lang);
  const items = agendaItems(meeting.agenda);
  return attachment(card(lang, [
    title(s.agendaTitle(meeting.title)),
    ...(items.length ? [text(items.map((i, n) => `${n + 1}. ${i}`).join('\n'))] : []),
    ...(openActions.length ? [text(s.openActions, { weight: 'Bolder' }), actionRows(lang, openActions)] : []),
  ]));
}

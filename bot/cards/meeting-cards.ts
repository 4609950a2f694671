import type { StoredItem } from '../../src/store/port';
import type { BotAction, BotMeeting } from '../data/entities';
import { attachment, card, formatDate, text, title, type CardAttachment, type CardElement } from './card';
import { strings, type Lang } from './strings';

function actionRows(lang: Lang, actions: readonly StoredItem<BotAction>[]): CardElement {
  const s = strings(lang);
  return {
    type: 'FactSet',
    facts: actions.map((a) => ({
      title: a.fields.title,
      value: `${s.owner}: ${a.fields.ownerName ?? a.fields.ownerId} · ${s.due}: ${formatDate(a.fields.dueDate, lang)}`,
    })),
  };
}

/** Posted to the meeting chat when the meeting ends. */
export function meetingSummaryCard(lang: Lang, meeting: BotMeeting, actions: readonly StoredItem<BotAction>[], participants: number): CardAttachment {
  const s = strings(lang);
  return attachment(card([
    title(s.summaryTitle(meeting.title)),
    text(s.summaryActions, { weight: 'Bolder' }),
    actions.length ? actionRows(lang, actions) : text(s.summaryNoActions, { isSubtle: true }),
    text(s.followUpSent(participants), { isSubtle: true }),
  ]));
}

/** Asks the principal to link a meeting the bot does not know yet. */
export function linkMeetingCard(lang: Lang): CardAttachment {
  const s = strings(lang);
  return attachment(card([title(s.linkTitle), text(s.linkText)]));
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
export function agendaCard(lang: Lang, meeting: BotMeeting, openActions: readonly StoredItem<BotAction>[]): CardAttachment {
  const s = strings(lang);
  const items = agendaItems(meeting.agenda);
  return attachment(card([
    title(s.agendaTitle(meeting.title)),
    ...(items.length ? [text(items.map((i, n) => `${n + 1}. ${i}`).join('\n'))] : []),
    ...(openActions.length ? [text(s.openActions, { weight: 'Bolder' }), actionRows(lang, openActions)] : []),
  ]));
}

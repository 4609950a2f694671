import type { StoredItem } from '../../src/store/port';
import type { BotAction } from '../data/entities';
import { vocabulary } from '../../src/domain';
import { attachment, card, dueLine, text, title, type CardAttachment, type CardElement } from './card';
import { strings } from './strings';
import type { Language } from '../../src/domain';

/** The owner's open actions, soonest due first; `today` is "YYYY-MM-DD". */
export function myActionsCard(lang: Language, actions: readonly StoredItem<BotAction>[], today: string): CardAttachment {
  const s = strings(lang);
  if (!actions.length) return attachment(card(lang, [title(s.myActionsTitle), text(s.noActions)]));
  const rows: CardElement[] = actions.map((a) => ({
    type: 'Container',
    separator: true,
    items: [
      text(a.fields.title, { weight: 'Bolder' }),
      text(`${dueLine(a.fields.dueDate, lang)}${a.fields.dueDate.slice(0, 10) < today ? ` · **${vocabulary.term.overdue[lang]}**` : ''}`, {
        isSubtle: true, spacing: 'None', ...(a.fields.dueDate.slice(0, 10) < today ? { color: 'Attention' } : {}),
      }),
    ],
  }));
  return attachment(card(lang, [title(s.myActionsTitle), ...rows]));
}

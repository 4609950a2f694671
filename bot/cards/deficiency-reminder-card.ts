import { vocabulary, type Deficiency, type Language } from '../../src/domain';
import { attachment, card, formats, text, title, type CardAttachment } from './card';
import { strings } from './strings';

/** What the principal is reminded of: no action answers the deficiency yet, or its deadline has passed. */
export type DeficiencyCondition = 'withoutAction' | 'overdue';

export interface DeficiencyReminderCardInput {
  lang: Language;
  deficiency: Deficiency;
  condition: DeficiencyCondition;
}

/** Reminds a principal of an open deficiency: what, where it came from, when, and what is missing. */
export function deficiencyReminderCard(i: DeficiencyReminderCardInput): CardAttachment {
  const s = strings(i.lang);
  const words = vocabulary.term;
  const format = formats[i.lang];
  const d = i.deficiency;
  return attachment(card(i.lang, [
    title(s.deficiencyTitle(d.title)),
    text([
      vocabulary.deficiencySource[d.source][i.lang],
      `${words.foundOn[i.lang]}: ${format.date(d.foundOn)}`,
      ...(d.deadline ? [`${words.deadline[i.lang]}: ${format.date(d.deadline)}`] : []),
      ...(d.caseNumber ? [`${words.caseNumber[i.lang]}: ${d.caseNumber}`] : []),
    ].join(' · '), { isSubtle: true }),
    text(i.condition === 'withoutAction' ? words.withoutAction[i.lang] : words.pastDeadline[i.lang], { color: 'Attention', weight: 'Bolder' }),
    text(i.condition === 'withoutAction' ? s.deficiencyNeedsAction : s.deficiencyPastDeadline),
  ]));
}

import { attachment, card, text, title, type CardAttachment } from './card';
import { strings } from './strings';
import type { Language } from '../../src/domain';

/** The help card; with `unknownText` it also says what was not understood (never silence). */
export function helpCard(lang: Language, unknownText?: string): CardAttachment {
  const s = strings(lang);
  return attachment(card(lang, [
    ...(unknownText !== undefined ? [text(s.notUnderstood(unknownText.slice(0, 80)), { color: 'Attention' })] : []),
    title(s.helpTitle),
    text(s.helpIntro),
    text(`- ${s.helpMyActions}\n- ${s.helpHelp}`),
    text(s.helpMeetings, { isSubtle: true }),
  ]));
}

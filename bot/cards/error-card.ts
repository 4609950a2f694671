import { attachment, card, text, title, type CardAttachment } from './card';
import { strings } from './strings';
import type { Language } from '../../src/domain';

export function errorCard(lang: Language, message?: string): CardAttachment {
  const s = strings(lang);
  return attachment(card(lang, [title(s.errorTitle), text(message ?? s.errorGeneric)]));
}

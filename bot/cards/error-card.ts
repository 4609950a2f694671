import { attachment, card, text, title, type CardAttachment } from './card';
import { strings, type Lang } from './strings';

export function errorCard(lang: Lang, message?: string): CardAttachment {
  const s = strings(lang);
  return attachment(card([title(s.errorTitle), text(message ?? s.errorGeneric)]));
}

/** Adaptive Card JSON helpers. Cards are plain objects; nothing here knows the Bot Framework SDK. */
import { dueDateLine, formatterFor, type Formatter, type Language } from '../../src/domain';

export type CardElement = Record<string, unknown>;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  body: CardElement[];
  actions?: CardElement[];
  refresh?: CardElement;
}

export interface CardAttachment {
  contentType: 'application/vnd.microsoft.card.adaptive';
  content: AdaptiveCard;
}

/** Version 1.4: the first with Action.Execute (Universal Actions), supported by every Teams client. */
export function card(body: CardElement[], actions: CardElement[] = [], refresh?: CardElement): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.4',
    body,
    ...(actions.length ? { actions } : {}),
    ...(refresh ? { refresh } : {}),
  };
}

export function attachment(content: AdaptiveCard): CardAttachment {
  return { contentType: 'application/vnd.microsoft.card.adaptive', content };
}

export const title = (text: string): CardElement => ({ type: 'TextBlock', text, weight: 'Bolder', size: 'Medium', wrap: true });
export const text = (value: string, extra: CardElement = {}): CardElement => ({ type: 'TextBlock', text: value, wrap: true, ...extra });

/** An Action.Execute button; `data` comes back in the adaptiveCard/action invoke. */
export const execute = (label: string, verb: string, data: Record<string, unknown>, extra: CardElement = {}): CardElement => ({
  type: 'Action.Execute', title: label, verb, data, ...extra,
});

/** Numbers and dates the user's way; an instant on Swedish time, where the schools are. */
export const formats: Readonly<Record<Language, Formatter>> = {
  sv: formatterFor('sv', { timeZone: 'Europe/Stockholm' }),
  en: formatterFor('en', { timeZone: 'Europe/Stockholm' }),
};

/** "Klart senast: 5 mars 2026" / "Due date: 5 Mar 2026" */
export function dueLine(dueDate: string, lang: Language): string {
  return dueDateLine(dueDate, formats[lang]);
}

/** Adaptive Card JSON helpers. Cards are plain objects; nothing here knows the Bot Framework SDK. */
import { dueDateLine, formatterFor, type Formatter, type Language } from '../../src/domain';
import { strings } from './strings';

export type CardElement = Record<string, unknown>;

/**
 * What every Action.Execute and refresh of our cards sends back: its own fields and the
 * language the card was written in, so the answer comes back in that language whatever the
 * client's locale says.
 */
export type CardData = Readonly<Record<string, unknown>> & { readonly lang: Language };

/**
 * Version 1.5: the version Teams documents for Universal Actions (Action.Execute and refresh).
 * A client too old for it shows `fallbackText`; `lang` is the card's language (Input.Date and
 * date functions follow it).
 */
export const CARD_VERSION = '1.5';

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: typeof CARD_VERSION;
  lang: Language;
  fallbackText: string;
  body: CardElement[];
  actions?: CardElement[];
  refresh?: CardElement;
}

/** A card shown inside an Action.ShowCard: it takes its version and language from the card around it. */
export interface SubCard {
  type: 'AdaptiveCard';
  body: CardElement[];
  actions?: CardElement[];
}

export interface CardAttachment {
  contentType: 'application/vnd.microsoft.card.adaptive';
  content: AdaptiveCard;
}

/** The first text of the card, for clients that cannot show it: the title says what the card is about. */
function firstText(body: readonly CardElement[]): string | undefined {
  for (const element of body) {
    if (element['type'] === 'TextBlock' && typeof element['text'] === 'string') return element['text'];
    const items = element['items'];
    if (Array.isArray(items)) {
      const inner = firstText(items as CardElement[]);
      if (inner !== undefined) return inner;
    }
  }
  return undefined;
}

export function card(lang: Language, body: CardElement[], actions: CardElement[] = [], refresh?: CardElement): AdaptiveCard {
  const title = firstText(body);
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    lang,
    fallbackText: title ? `${title}\n\n${strings(lang).cardFallback}` : strings(lang).cardFallback,
    body,
    ...(actions.length ? { actions } : {}),
    ...(refresh ? { refresh } : {}),
  };
}

export function subCard(body: CardElement[], actions: CardElement[] = []): SubCard {
  return { type: 'AdaptiveCard', body, ...(actions.length ? { actions } : {}) };
}

export function attachment(content: AdaptiveCard): CardAttachment {
  return { contentType: 'application/vnd.microsoft.card.adaptive', content };
}

export const title = (text: string): CardElement => ({ type: 'TextBlock', text, weight: 'Bolder', size: 'Medium', wrap: true, style: 'heading' });
export const text = (value: string, extra: CardElement = {}): CardElement => ({ type: 'TextBlock', text: value, wrap: true, ...extra });
/** A refusal of what was typed, shown right under the field it is about. */
export const fieldError = (message: string): CardElement => text(message, { color: 'Attention', spacing: 'Small' });

/** The field `data` carries the verb in, for the Action.Submit an older client sends instead. */
export const SUBMIT_VERB_FIELD = 'verb';

/**
 * An Action.Execute button; `data` comes back in the adaptiveCard/action invoke. Teams clients
 * without Universal Actions render its fallback, an Action.Submit with the same verb and data,
 * which arrives as a message whose value the bot handles like the invoke.
 */
export const execute = (label: string, verb: string, data: CardData, extra: CardElement = {}): CardElement => ({
  type: 'Action.Execute', title: label, verb, data, ...extra,
  fallback: { type: 'Action.Submit', title: label, data: { ...data, [SUBMIT_VERB_FIELD]: verb }, ...extra },
});

/**
 * Refreshes the card for these users when they see it (Teams runs it automatically only for
 * `userIds`: user MRIs, "29:...", at most 60).
 */
export const refreshFor = (verb: string, data: CardData, userMris: readonly string[]): CardElement => ({
  action: { type: 'Action.Execute', verb, data },
  userIds: userMris.slice(0, 60),
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

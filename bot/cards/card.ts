/** Adaptive Card JSON helpers. Cards are plain objects; nothing here knows the Bot Framework SDK. */
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

/** "2026-03-05" → "5 mars 2026" / "5 March 2026" */
export function formatDate(date: string, lang: 'sv' | 'en'): string {
  const d = new Date(`${date.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  return d.toLocaleDateString(lang === 'en' ? 'en-GB' : 'sv-SE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

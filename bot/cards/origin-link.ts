/**
 * Links from a card to where an action comes from, in the channel tab: the tab's own address and
 * route (tab/src/route.ts: `?view=` and `?unitId=`), the same views the tab's own origin links open
 * (tab/src/views/actions/action-origin.ts). One function builds them for every card.
 */
import { vocabulary, type Language, type OriginKind } from '../../src/domain';
import type { BotAction } from '../data/entities';
import type { CardElement } from './card';
import { strings } from './strings';

/** The channel view that shows each origin, and the goals. */
const views: Readonly<Record<OriginKind | 'goal', string>> = { analysis: 'analysis', meeting: 'meetings', deficiency: 'deficiencies', goal: 'goals' };

/** The tab's address of the unit's view of an origin kind (or of its goals). */
export function originUrl(tabUrl: string, unitId: string, kind: OriginKind | 'goal'): string {
  const url = new URL('/', tabUrl);
  url.search = new URLSearchParams({ view: views[kind], unitId }).toString();
  return url.toString();
}

/** Where the action comes from, in the card's language: "Utgår från: Analys". */
export function originLine(action: Pick<BotAction, 'originKind'>, lang: Language): string {
  return `${vocabulary.term.origin[lang]}: ${vocabulary.originKind[action.originKind][lang]}`;
}

/** Action.OpenUrl buttons to the action's origin and, when it works towards one, its goal. */
export function originLinks(lang: Language, tabUrl: string | undefined, action: Pick<BotAction, 'unitId' | 'originKind' | 'goalId'>): CardElement[] {
  if (tabUrl === undefined) return [];
  const s = strings(lang);
  return [
    { type: 'Action.OpenUrl', title: s.openInTab(originLine(action, lang)), url: originUrl(tabUrl, action.unitId, action.originKind) },
    ...(action.goalId !== undefined ? [{ type: 'Action.OpenUrl', title: s.openInTab(s.goal), url: originUrl(tabUrl, action.unitId, 'goal') }] : []),
  ];
}

/** The links of several actions, each place once (a summary lists many actions of few origins). */
export function distinctOriginLinks(lang: Language, tabUrl: string | undefined, actions: readonly Pick<BotAction, 'unitId' | 'originKind' | 'goalId'>[]): CardElement[] {
  const byUrl = new Map<string, CardElement>();
  for (const action of actions) for (const link of originLinks(lang, tabUrl, action)) byUrl.set(String(link.url), link);
  return [...byUrl.values()];
}

import type { StoredItem } from '../../src/store/port';
import { myActionsCard } from '../cards/my-actions-card';
import type { CardAttachment } from '../cards/card';
import type { BotAction } from '../data/entities';
import type { FlowContext } from './context';
import { isOpen, isoDay } from '../../src/domain';
import { byDueDate } from './meetings';
import type { Language } from '../../src/domain';

/** The user's open actions across units (Actions is queried by the indexed ownerId column). */
export async function myActions(ctx: FlowContext, ownerId: string): Promise<StoredItem<BotAction>[]> {
  const items = await ctx.store.queryAll('actions', { filter: [{ field: 'ownerId', op: 'eq', value: ownerId }] });
  return items.filter((a) => isOpen(a.fields)).sort(byDueDate);
}

export async function myActionsReply(ctx: FlowContext, lang: Language, ownerId: string): Promise<CardAttachment> {
  return myActionsCard(lang, (await myActions(ctx, ownerId)).slice(0, 25), isoDay(ctx.clock.now()));
}

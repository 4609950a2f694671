/**
 * The bot's behaviour, one entry point per activity family. Plain module: the adapter layer turns
 * botbuilder's TurnContext into a Turn and calls these.
 */
import { errorCard } from '../cards/error-card';
import { helpCard } from '../cards/help-card';
import { strings } from '../cards/strings';
import { ACTION_VERBS, onActionUpdate } from './action-updates';
import { CardActionSchema } from './card-action';
import { parseCommand } from './commands';
import type { FlowContext } from './context';
import { FOLLOW_UP_VERBS, onFollowUpAction } from './follow-up-answers';
import { onMeetingEnd, type MeetingEndOutcome } from './meeting-end';
import { onMeetingStart } from './meeting-start';
import { myActionsReply } from './my-actions';
import type { CardActionResult, Turn } from './turn';
import { languageOf } from '../../src/domain';

export class BotFlows {
  constructor(private readonly ctx: FlowContext) {}

  /**
   * Every activity keeps the conversation's reference current (install, conversationUpdate,
   * messages). It is a side effect: when the store refuses it (or is down) the turn goes on and
   * the user is answered; one line says why, and the next activity tries again.
   */
  async remember(turn: Turn): Promise<void> {
    const { info } = turn;
    try {
      await this.ctx.conversations.remember(info.reference, info.from.aadObjectId);
    } catch (error) {
      this.ctx.log(`bot: conversation reference of ${info.conversationId} not stored: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  }

  async onMessage(turn: Turn): Promise<void> {
    const command = parseCommand(turn.info.text);
    const lang = ('lang' in command ? command.lang : undefined) ?? languageOf(turn.info.locale);
    if (command.kind === 'myActions') {
      const userId = turn.info.from.aadObjectId;
      const card = userId ? await myActionsReply(this.ctx, lang, userId) : errorCard(lang, strings(lang).notOwner);
      await turn.reply({ type: 'message', attachments: [card] });
      return;
    }
    await turn.reply({ type: 'message', attachments: [helpCard(lang, command.kind === 'unknown' ? command.text : undefined)] });
  }

  /** The bot was added to a 1:1 chat: say what it can do. Other member changes need nothing more. */
  async onMembersAdded(turn: Turn, botAdded: boolean): Promise<void> {
    if (botAdded && turn.info.conversationType === 'personal') {
      await turn.reply({ type: 'message', attachments: [helpCard(languageOf(turn.info.locale))] });
    }
  }

  onMeetingStart(turn: Turn): Promise<boolean> {
    return onMeetingStart(this.ctx, turn);
  }

  onMeetingEnd(turn: Turn): Promise<MeetingEndOutcome> {
    return onMeetingEnd(this.ctx, turn);
  }

  /** Action.Execute: malformed payloads and unknown verbs get an error card, never an exception. */
  async onCardAction(turn: Turn): Promise<CardActionResult> {
    const lang = languageOf(turn.info.locale);
    const s = strings(lang);
    const parsed = CardActionSchema.safeParse(turn.info.value);
    if (!parsed.success) return { kind: 'error', status: 400, code: 'BadRequest', message: s.invalidCard };
    const userId = turn.info.from.aadObjectId;
    if (!userId) return { kind: 'card', card: errorCard(lang, s.invalidCard) };
    const verb = parsed.data.action.verb;
    if (FOLLOW_UP_VERBS.includes(verb)) return onFollowUpAction(this.ctx, lang, parsed.data, userId);
    if (ACTION_VERBS.includes(verb)) return onActionUpdate(this.ctx, lang, parsed.data, userId);
    return { kind: 'card', card: errorCard(lang, s.invalidCard) };
  }
}

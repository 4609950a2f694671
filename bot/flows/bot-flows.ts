/**
 * The bot's behaviour, one entry point per activity family. Plain module: the adapter layer turns
 * botbuilder's TurnContext into a Turn and calls these.
 */
import { languageOf, type Language } from '../../src/domain';
import { ForbiddenError, NotVisibleError } from '../../src/services/errors';
import { NotFoundError } from '../../src/store/errors';
import { errorCard } from '../cards/error-card';
import { helpCard } from '../cards/help-card';
import { strings, type Strings } from '../cards/strings';
import { cardActionFromSubmit, cardLanguage, CardActionSchema, type CardAction } from './card-action';
import { parseCommand } from './commands';
import type { FlowContext } from './context';
import { onMeetingEnd, type MeetingEndOutcome } from './meeting-end';
import { onParticipantEvent, type ParticipantEventOutcome } from './meeting-participants';
import { onMeetingStart } from './meeting-start';
import { myActionsReply } from './my-actions';
import { invalidCard, type CardActionResult, type Turn } from './turn';
import { cardVerbs } from './verbs';

/** What the API answers the same refusal with: not found (404) when the thing is not theirs to see, 403 when it is but not to change. */
function refusalOf(s: Strings, error: unknown): CardActionResult | undefined {
  if (error instanceof NotVisibleError || error instanceof NotFoundError) return { kind: 'error', status: 404, code: 'NotFound', message: s.noAccess };
  if (error instanceof ForbiddenError) return { kind: 'error', status: 403, code: 'Forbidden', message: s.notAllowed };
  return undefined;
}

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
    // an older Teams client sends a card's button as Action.Submit: a message carrying the card's data
    const submitted = turn.info.text?.trim() ? undefined : cardActionFromSubmit(turn.info.value);
    if (submitted) {
      await this.onSubmit(turn, submitted);
      return;
    }
    const command = parseCommand(turn.info.text);
    const lang = ('lang' in command ? command.lang : undefined) ?? languageOf(turn.info.locale);
    if (command.kind === 'myActions') {
      const userId = turn.info.from.aadObjectId;
      const card = userId ? await myActionsReply(this.ctx, lang, userId) : errorCard(lang, strings(lang).unknownUser);
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

  onParticipantsJoin(turn: Turn): Promise<ParticipantEventOutcome> {
    return onParticipantEvent(this.ctx, turn, true);
  }

  onParticipantsLeave(turn: Turn): Promise<ParticipantEventOutcome> {
    return onParticipantEvent(this.ctx, turn, false);
  }

  /** Action.Execute: malformed payloads and unknown verbs get a 400, refusals the API's status; never an exception. */
  async onCardAction(turn: Turn): Promise<CardActionResult> {
    const parsed = CardActionSchema.safeParse(turn.info.value);
    if (!parsed.success) return invalidCard(strings(languageOf(turn.info.locale)));
    return this.runCardAction(turn, parsed.data, cardLanguage(parsed.data.action.data, turn.info.locale));
  }

  /** Action.Submit (the fallback of every Action.Execute): the same verb, answered with a new message. */
  private async onSubmit(turn: Turn, action: CardAction): Promise<void> {
    const lang = cardLanguage(action.action.data, turn.info.locale);
    const result = await this.runCardAction(turn, action, lang);
    if (result.kind === 'card') await turn.reply({ type: 'message', attachments: [result.card] });
    else if (result.kind === 'message') await turn.reply({ type: 'message', text: result.text });
    else await turn.reply({ type: 'message', attachments: [errorCard(lang, result.message)] });
  }

  private async runCardAction(turn: Turn, action: CardAction, lang: Language): Promise<CardActionResult> {
    const s = strings(lang);
    const { from, tenantId } = turn.info;
    if (!from.aadObjectId) return { kind: 'error', status: 401, code: 'Unauthorized', message: s.unknownUser };
    const user = { userId: from.aadObjectId, mri: from.id, ...(tenantId ? { tenantId } : {}), ...(from.name ? { name: from.name } : {}) };
    try {
      const result = cardVerbs.run(this.ctx, { verb: action.action.verb, lang, data: action.action.data, user });
      return result ? await result : invalidCard(s);
    } catch (error) {
      const refusal = refusalOf(s, error);
      if (refusal) return refusal;
      throw error;
    }
  }
}

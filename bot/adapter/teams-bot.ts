/** The TeamsActivityHandler: routes each activity family to the plain flows. */
import { TeamsActivityHandler, type AdaptiveCardInvokeResponse, type InvokeResponse, type TurnContext } from 'botbuilder';
import { errorCard } from '../cards/error-card';
import type { BotFlows } from '../flows/bot-flows';
import type { Member, Turn } from '../flows/turn';
import { turnFromContext, type ConnectorGate } from './turn-from-context';
import { languageOf } from '../../src/domain';

export interface KvalitetshjuletBotOptions {
  log?: (message: string) => void;
  /** replaces the Teams roster call (TestAdapter has no connector) */
  members?: (context: TurnContext) => Promise<Member[]>;
  /** awaited before each Bot Connector call in a turn (the outbox's rate limiter) */
  gate?: ConnectorGate;
}

export class KvalitetshjuletBot extends TeamsActivityHandler {
  private readonly log: (message: string) => void;
  private readonly turn: (context: TurnContext) => Turn;

  constructor(private readonly flows: BotFlows, options: KvalitetshjuletBotOptions = {}) {
    super();
    this.log = options.log ?? (() => {});
    const members = options.members;
    this.turn = (context) => {
      const turn = turnFromContext(context, options.gate);
      return members ? { ...turn, members: () => members(context) } : turn;
    };
    this.onConversationUpdate(async (context, next) => {
      await this.flows.remember(this.turn(context));
      await next();
    });
    this.onInstallationUpdate(async (context, next) => {
      await this.flows.remember(this.turn(context));
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const botAdded = (context.activity.membersAdded ?? []).some((m) => m.id === botId);
      await this.flows.onMembersAdded(this.turn(context), botAdded);
      await next();
    });
    this.onMessage(async (context, next) => {
      const turn = this.turn(context);
      await this.flows.remember(turn);
      await this.flows.onMessage(turn);
      await next();
    });
  }

  /**
   * Meeting events are handled without botbuilder's parse of their details: a meetingEnd whose
   * value lacks a field Teams usually sends must still close the meeting, not fail the turn.
   */
  protected override async onTeamsMeetingStart(context: TurnContext): Promise<void> {
    const turn = this.turn(context);
    await this.flows.remember(turn);
    await this.flows.onMeetingStart(turn);
  }

  protected override async onTeamsMeetingEnd(context: TurnContext): Promise<void> {
    const turn = this.turn(context);
    await this.flows.remember(turn);
    const outcome = await this.flows.onMeetingEnd(turn);
    this.log(`meeting end in ${turn.info.conversationId}: ${JSON.stringify(outcome)}`);
  }

  protected override async onTeamsMeetingParticipantsJoin(context: TurnContext): Promise<void> {
    const turn = this.turn(context);
    await this.flows.remember(turn);
    const outcome = await this.flows.onParticipantsJoin(turn);
    this.log(`participants joined in ${turn.info.conversationId}: ${JSON.stringify(outcome)}`);
  }

  protected override async onTeamsMeetingParticipantsLeave(context: TurnContext): Promise<void> {
    const turn = this.turn(context);
    await this.flows.remember(turn);
    const outcome = await this.flows.onParticipantsLeave(turn);
    this.log(`participants left in ${turn.info.conversationId}: ${JSON.stringify(outcome)}`);
  }

  /** Action.Execute is handled here in full, so that a malformed value gets our 400, not a turn error. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== 'adaptiveCard/action') return super.onInvokeActivity(context);
    const response = await this.cardAction(context);
    return { status: response.statusCode, body: response };
  }

  private async cardAction(context: TurnContext): Promise<AdaptiveCardInvokeResponse> {
    let result: Awaited<ReturnType<BotFlows['onCardAction']>>;
    try {
      const turn = this.turn(context);
      await this.flows.remember(turn);
      result = await this.flows.onCardAction(turn);
    } catch (error) {
      // the card stays usable: the user sees an error card in its place, never a broken invoke
      this.log(`bot: card action failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      result = { kind: 'card', card: errorCard(languageOf(context.activity.locale)) };
    }
    if (result.kind === 'card') return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: result.card.content as AdaptiveCardInvokeResponse['value'] };
    if (result.kind === 'message') return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: result.text as unknown as AdaptiveCardInvokeResponse['value'] };
    return { statusCode: result.status, type: 'application/vnd.microsoft.error', value: { code: result.code, message: result.message } as unknown as AdaptiveCardInvokeResponse['value'] };
  }
}

/**
 * The CloudAdapter and its authentication. Microsoft 365 mode validates Bot Framework tokens and
 * signs outgoing calls as the bot; local mode (Agents Playground, tests) has no bot identity, so
 * botbuilder accepts unauthenticated requests and sends without a token.
 */
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import { errorCard } from '../cards/error-card';
import { languageOf } from '../../src/domain';

export interface AdapterOptions {
  mode: 'local' | 'm365';
  botId?: string;
  botPassword?: string;
  botTenantId?: string;
  /** MultiTenant, SingleTenant or UserAssignedMSI */
  botType?: string;
  log?: (message: string) => void;
}

export function createCloudAdapter(options: AdapterOptions): CloudAdapter {
  const auth = options.mode === 'm365'
    ? new ConfigurationBotFrameworkAuthentication({
      MicrosoftAppId: options.botId,
      MicrosoftAppPassword: options.botPassword,
      MicrosoftAppTenantId: options.botTenantId,
      MicrosoftAppType: options.botType ?? 'SingleTenant',
    })
    : new ConfigurationBotFrameworkAuthentication({});
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    options.log?.(`bot: turn failed (${context.activity.type}/${context.activity.name ?? ''}): ${error.stack ?? error.message}`);
    // an invoke's caller waits for the invoke response instead; a message deserves an answer
    if (context.activity.type === 'message') {
      await context.sendActivity({ attachments: [errorCard(languageOf(context.activity.locale))] }).catch(() => undefined);
    }
  };
  return adapter;
}

/**
 * The CloudAdapter and its authentication. Microsoft 365 mode validates Bot Framework tokens and
 * signs outgoing calls as the bot; local mode (Agents Playground, tests) has no bot identity, so
 * botbuilder accepts unauthenticated requests and sends without a token.
 */
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import { errorCard } from '../cards/error-card';
import { languageOf } from '../../src/domain';
import { plainRefusal } from './token-precheck';

export interface AdapterOptions {
  mode: 'local' | 'm365';
  botId?: string;
  botPassword?: string;
  botTenantId?: string;
  /** MultiTenant, SingleTenant or UserAssignedMSI */
  botType?: string;
  /** the OpenID metadata that names the Bot Framework's signing keys (tests: a server on loopback). Default botbuilder's */
  openIdMetadataUrl?: string;
  log?: (message: string) => void;
}

/**
 * The public cloud's Bot Framework settings, as botbuilder's defaults hold them. botbuilder takes
 * naming one of them (a test points the OpenID metadata, for the channel's and the Emulator's
 * tokens alike, at loopback) as naming all, so the others are named too.
 */
const publicCloud = {
  ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
  ToChannelFromBotOAuthScope: 'https://api.botframework.com',
  ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
  OAuthUrl: 'https://api.botframework.com',
  CallerId: 'urn:botframework:azure',
};

type Authorization = Parameters<CloudAdapter['processActivityDirect']>[0];

/** jsonwebtoken's refusals, which botbuilder passes on as they are (a bad signature, a wrong issuer, ...) */
const tokenErrors = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);

/** A refused Bot Framework token: botbuilder's AuthenticationError carries the status it means. */
function refusedStatus(error: unknown): number | undefined {
  if (error instanceof Error && tokenErrors.has(error.name)) return 401;
  const status = typeof error === 'object' && error !== null && 'statusCode' in error ? error.statusCode : undefined;
  return status === 401 || status === 403 ? status : undefined;
}

/**
 * botbuilder's `process` answers a refused or unverifiable token with its own error text in the
 * body and writes the stack to stderr, for every such request. Here a refused token is a 401
 * (403), and keys that cannot be read (botbuilder fetches them from the Bot Framework) a 503; the
 * body says why for the server's log line only (the HTTP front never sends it, it answers a problem).
 * With a bot identity (Microsoft 365 mode), a token that plainly cannot pass is refused first.
 */
class RefusingCloudAdapter extends CloudAdapter {
  constructor(auth: ConfigurationBotFrameworkAuthentication, private readonly botId: string | undefined) {
    super(auth);
  }

  protected override async processActivity(authorization: Authorization, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    const plain = typeof authorization === 'string' && this.botId !== undefined ? plainRefusal(authorization, this.botId, Math.floor(Date.now() / 1000)) : undefined;
    if (plain !== undefined) return { status: 401, body: { reason: `Bot Framework token refused: ${plain}` } };
    try {
      return await (typeof authorization === 'string' ? super.processActivity(authorization, activity, logic) : super.processActivity(authorization, activity, logic));
    } catch (error) {
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      return { status: refusedStatus(error) ?? 503, body: { reason } };
    }
  }
}

export function createCloudAdapter(options: AdapterOptions): CloudAdapter {
  const auth = options.mode === 'm365'
    ? new ConfigurationBotFrameworkAuthentication({
      MicrosoftAppId: options.botId,
      MicrosoftAppPassword: options.botPassword,
      MicrosoftAppTenantId: options.botTenantId,
      MicrosoftAppType: options.botType ?? 'SingleTenant',
      ...(options.openIdMetadataUrl ? { ...publicCloud, ToBotFromChannelOpenIdMetadataUrl: options.openIdMetadataUrl, ToBotFromEmulatorOpenIdMetadataUrl: options.openIdMetadataUrl } : {}),
    })
    : new ConfigurationBotFrameworkAuthentication({});
  const adapter = new RefusingCloudAdapter(auth, options.mode === 'm365' ? options.botId : undefined);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    options.log?.(`bot: turn failed (${context.activity.type}/${context.activity.name ?? ''}): ${error.stack ?? error.message}`);
    // an invoke's caller waits for the invoke response instead; a message deserves an answer
    if (context.activity.type === 'message') {
      await context.sendActivity({ attachments: [errorCard(languageOf(context.activity.locale))] }).catch(() => undefined);
    }
  };
  return adapter;
}

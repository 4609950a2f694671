/**
 * `npm run provision -- --site <site-id> [--base-url <url>]`: creates or updates the lists on a
 * SharePoint site. Against Graph it authenticates as the app: client credentials when
 * GRAPH_CLIENT_SECRET is set (with GRAPH_TENANT_ID and GRAPH_CLIENT_ID), otherwise
 * DefaultAzureCredential (a managed identity whose client id is GRAPH_CLIENT_ID, or `az login`).
 * Against a loopback URL (the lists emulator) it sends no token.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ClientSecretCredential, DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import { allLists } from './lists';
import { provisionLists } from './provision';

const graphBaseUrl = 'https://graph.microsoft.com/v1.0';
const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** True for an emulator on this machine, which takes no token. */
export function isLoopback(baseUrl: string): boolean {
  return loopbackHosts.has(new URL(baseUrl).hostname);
}

type Environment = Readonly<Record<string, string | undefined>>;

/** What stops a provisioning run before it starts; the message says what to set or pass. */
export class ProvisionSetupError extends Error {
  override readonly name = 'ProvisionSetupError';
}

/** The credential the CLI uses for Graph, chosen from the environment. */
export function graphCredential(env: Environment): TokenCredential {
  const tenantId = env['GRAPH_TENANT_ID'];
  const clientId = env['GRAPH_CLIENT_ID'];
  const secret = env['GRAPH_CLIENT_SECRET'];
  if (secret) {
    if (!tenantId || !clientId) throw new ProvisionSetupError('GRAPH_CLIENT_SECRET needs GRAPH_TENANT_ID and GRAPH_CLIENT_ID too.');
    return new ClientSecretCredential(tenantId, clientId, secret);
  }
  return new DefaultAzureCredential({
    ...(clientId ? { managedIdentityClientId: clientId } : {}),
    ...(tenantId ? { tenantId } : {}),
  });
}

/** A token provider for `baseUrl`, or undefined for a loopback emulator. */
export function tokenProviderFor(baseUrl: string, env: Environment): (() => Promise<string>) | undefined {
  if (isLoopback(baseUrl)) return undefined;
  const credential = graphCredential(env);
  const scope = `${new URL(baseUrl).origin}/.default`;
  return async () => {
    const token = await credential.getToken(scope);
    if (!token) throw new ProvisionSetupError(`No token for ${scope}`);
    return token.token;
  };
}

function appVersion(): string {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version?: string }).version ?? '0.0.0';
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { site: { type: 'string' }, 'base-url': { type: 'string', default: graphBaseUrl } },
  });
  if (!values.site) throw new ProvisionSetupError('Usage: npm run provision -- --site <site-id> [--base-url <url>]');
  const baseUrl = values['base-url'] ?? graphBaseUrl;
  const result = await provisionLists({
    baseUrl,
    siteId: values.site,
    lists: allLists,
    tokenProvider: tokenProviderFor(baseUrl, process.env),
    log: (line) => console.log(line),
    userAgent: `NONISV|Kvalitetshjulet|Kvalitetshjulet/${appVersion()}`,
  });
  const total = result.created.length + result.updated.length;
  console.log(total === 0
    ? `Klart: alla ${result.unchanged.length} listor var redan aktuella; inget ändrades.`
    : `Klart: ${result.created.length} skapade, ${result.updated.length} uppdaterade, ${result.unchanged.length} oförändrade.`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
}

/**
 * The server in Microsoft 365 mode with everything it trusts on loopback: the lists emulator for
 * Graph, and a key server standing in for Entra ID's signing keys and for the Bot Framework's
 * OpenID metadata, each switchable to hang, fail or answer garbage. Tokens are signed with keys
 * these servers publish, so a test can make the genuine article as well as every forgery.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { createLogger } from '../../src/api/log';
import { entraIssuer } from '../../src/auth/token-validator';
import { loadConfig } from '../../src/config';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index';
import { allLists } from '../../src/lists/lists';
import { createServer as createKvalitetshjulet, type KvalitetshjuletServer } from '../../src/server';

export const TENANT = '22222222-2222-4222-8222-222222222222';
export const OTHER_TENANT = '55555555-5555-4555-8555-555555555555';
export const CLIENT_ID = '11111111-1111-4111-8111-111111111111';
export const BOT_ID = '44444444-4444-4444-8444-444444444444';
export const USER = '66666666-6666-4666-8666-666666666666';
export const BOT_ISSUER = 'https://api.botframework.com';
export const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';

/** How a published document answers: as it should, never, with an error, or with something that is not one. */
export type KeyServerMode = 'ok' | 'hang' | 'error' | 'garbage';

export interface SigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
  /** the public key as PEM: what an HS256 forgery uses as its secret */
  readonly publicPem: string;
}

export async function signingKey(kid: string): Promise<SigningKey> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }, publicPem: await exportSPKI(publicKey) };
}

export interface M365Harness {
  readonly url: string;
  readonly logLines: string[];
  readonly entraKey: SigningKey;
  readonly botKey: SigningKey;
  /** how Entra's key set answers from now on */
  entraKeys(mode: KeyServerMode): void;
  /** how the Bot Framework's OpenID metadata answers from now on */
  botMetadata(mode: KeyServerMode): void;
  /** claims of a genuine access token for our API, with `overrides` (undefined removes a claim) */
  entraClaims(overrides?: Record<string, unknown>): Record<string, unknown>;
  /** claims of a genuine Bot Framework token for our bot */
  botClaims(overrides?: Record<string, unknown>): Record<string, unknown>;
  close(): Promise<void>;
}

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

function definedOnly(claims: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(claims).filter(([, value]) => value !== undefined));
}

/** Signs claims as RS256 with `key` (its kid in the header unless another is named). */
export function sign(key: SigningKey, claims: Record<string, unknown>, kid: string = key.kid): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid }).sign(key.privateKey);
}

interface KeyServer {
  readonly base: string;
  mode: { entra: KeyServerMode; bot: KeyServerMode };
  close(): Promise<void>;
}

async function startKeyServer(entra: SigningKey, bot: SigningKey): Promise<KeyServer> {
  const hanging: ServerResponse[] = [];
  const state: KeyServer = { base: '', mode: { entra: 'ok', bot: 'ok' }, close: () => Promise.resolve() };
  const answer = (res: ServerResponse, mode: KeyServerMode, document: unknown): void => {
    if (mode === 'hang') hanging.push(res);
    else if (mode === 'error') res.writeHead(500, { 'content-type': 'text/plain' }).end('upstream trouble');
    else if (mode === 'garbage') res.writeHead(200, { 'content-type': 'application/json' }).end('{"keys": 7, "jwks_uri": 7}');
    else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(document));
  };
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/entra/keys') answer(res, state.mode.entra, { keys: [entra.publicJwk] });
    else if (path === '/bot/openid') answer(res, state.mode.bot, { issuer: BOT_ISSUER, jwks_uri: `${state.base}/bot/keys`, id_token_signing_alg_values_supported: ['RS256'] });
    else if (path === '/bot/keys') answer(res, state.mode.bot, { keys: [{ ...bot.publicJwk, endorsements: ['msteams'] }] });
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(state, {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}

export interface M365Options {
  /** where the server looks for Entra's keys (default: the key server) */
  readonly entraKeysUrl?: (keyServerBase: string) => string;
}

/** Starts the emulator, the key server and the server in Microsoft 365 mode with a bot identity. */
export async function startM365(options: M365Options = {}): Promise<M365Harness> {
  const [entraKey, botKey] = await Promise.all([signingKey('entra-1'), signingKey('bot-1')]);
  const keys = await startKeyServer(entraKey, botKey);
  const emulator: RunningEmulator = await startEmulator({ lists: allLists });
  const logLines: string[] = [];
  const config = loadConfig({
    PORT: '0', HOST: '127.0.0.1', AAD_APP_CLIENT_ID: CLIENT_ID, TENANT_ID: TENANT,
    GRAPH_SITE_ID: emulator.siteId, GRAPH_BASE_URL: emulator.baseUrl, GRAPH_CLIENT_ID: '33333333-3333-4333-8333-333333333333', TAB_DOMAIN: 'kh.example.se',
    CONTROLLER_NAME: 'Barn- och utbildningsnämnden i Exempelby', CONTROLLER_EMAIL: 'bun@exempelby.se', DPO_EMAIL: 'dso@exempelby.se', ACCESSIBILITY_EMAIL: 'webb@exempelby.se',
    BOT_ID, BOT_TENANT_ID: TENANT, BOT_PASSWORD: 'not-a-real-secret', LOG_LEVEL: 'debug',
  });
  const server: KvalitetshjuletServer = createKvalitetshjulet(config, {
    log: createLogger({ level: 'debug', sink: (line) => logLines.push(line) }),
    botScheduler: false,
    graphTokenProvider: () => Promise.resolve('app-token'),
    entraKeys: { url: options.entraKeysUrl?.(keys.base) ?? `${keys.base}/entra/keys`, timeoutMs: 300 },
    botOpenIdMetadataUrl: `${keys.base}/bot/openid`,
  });
  let url: string;
  try {
    url = (await server.start()).url;
  } catch (error) {
    await Promise.all([keys.close(), emulator.close()]);
    throw error;
  }
  return {
    url,
    logLines,
    entraKey,
    botKey,
    entraKeys: (mode) => { keys.mode.entra = mode; },
    botMetadata: (mode) => { keys.mode.bot = mode; },
    entraClaims: (overrides = {}) => definedOnly({
      aud: `api://kh.example.se/${CLIENT_ID}`, iss: entraIssuer(TENANT), tid: TENANT, oid: USER, name: 'Utomstående Användare',
      scp: 'access_as_user', ver: '2.0', iat: nowSeconds() - 60, nbf: nowSeconds() - 60, exp: nowSeconds() + 3600, ...overrides,
    }),
    botClaims: (overrides = {}) => definedOnly({
      aud: BOT_ID, iss: BOT_ISSUER, serviceurl: SERVICE_URL, iat: nowSeconds() - 60, nbf: nowSeconds() - 60, exp: nowSeconds() + 3600, ...overrides,
    }),
    close: async () => {
      await server.stop();
      await Promise.all([keys.close(), emulator.close()]);
    },
  };
}

/** A token with `alg: none` and no signature. */
export function unsigned(claims: Record<string, unknown>): string {
  const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`;
}

/** HS256 with the public key as the shared secret: the classic algorithm confusion. */
export function hs256WithPublicKey(key: SigningKey, claims: Record<string, unknown>): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: key.kid }).sign(new TextEncoder().encode(key.publicPem));
}

/** A genuine token whose payload was changed afterwards (the signature no longer fits). */
export function tampered(token: string, changes: Record<string, unknown>): string {
  const [header = '', payload = '', signature = ''] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  return `${header}.${Buffer.from(JSON.stringify({ ...claims, ...changes })).toString('base64url')}.${signature}`;
}

/**
 * The composition root: the only place that knows the concrete implementations. One HTTP server
 * serves the built tab, the API under /api, the bot endpoint /api/messages and /healthz.
 *
 * Local mode starts the lists emulator in-process, provisions the lists, seeds the demo on first
 * start and signs users in with the dev identity provider. Microsoft 365 mode validates Entra ID
 * tokens and reaches SharePoint through Graph with the app's own identity (Sites.Selected).
 *
 * Its wiring files (they too may know concrete implementations; eslint.config.js names them):
 * src/graph-directory.ts.
 */
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express, { type Express, type NextFunction, type Request, type Response, type Router } from 'express';
import { createRemoteJWKSet } from 'jose';
import { createBotEndpoint, type BotEndpoint } from '../bot/index';
import { createApiRouter, createLogger, requestContext, securityHeaders, type BotHandler, type Logger, type PublicConfig } from './api';
import { errorHandler } from './api/middleware/errors';
import { problem, sendProblem } from './api/problems';
import { staticTab } from './api/static-tab';
import { publicStatements } from './statements/index';
import { createDevIdentityProvider, type DevIdentityProvider } from './auth/dev-identity-provider';
import type { Directory } from './auth/directory';
import { LocalDirectory } from './auth/directory-local';
import { createTokenValidator, entraIssuer, type TokenValidator } from './auth/token-validator';
import type { Config, SeedKind } from './config';
import { invariant } from './domain';
import { startEmulator, type RunningEmulator } from './emulator/index';
import { createGraphDirectory } from './graph-directory';
import { seedDemo } from './emulator/seed';
import { largePeople, seedLarge } from './emulator/seed-large';
import { demoPeople } from './emulator/seed-data';
import { allLists, lists, mirroredLists, type Entities } from './lists/lists';
import { provisionLists } from './lists/provision';
import type { SchoolUnitRegister } from './register/register';
import { createServices, type Services } from './services';
import { createHttpRegister } from './register/register-http';
import { createGraphStore, type GraphStore } from './store/graph-store';
import { createMirror, type MirroredStore, type MirrorStatus } from './store/mirror';
import type { Store } from './store/port';
import type { ReadModel } from './store/read-model';
import { createKoladaHttp, type KoladaHttpOptions } from './services/import/kolada-api';
import { importBudget } from './services/import/import-pace';
import type { ImportWorker } from './services/import/import-worker';
import { createTokenProvider } from './store/token-provider';

export interface ServerOptions {
  /** default: JSON lines on stdout at the configured level */
  readonly log?: Logger;
  /** local mode: keep the emulator's data in memory instead of `<dataDir>/emulator` (tests, benchmarks) */
  readonly inMemory?: boolean;
  /**
   * local mode: use this running lists emulator instead of starting one, as a second instance
   * beside the server that started it (tests, benchmarks). It keeps running when this server stops.
   */
  readonly sharedEmulator?: Pick<RunningEmulator, 'baseUrl' | 'siteId'>;
  /**
   * Whether start() resolves only once the read model has enumerated every list. Default true;
   * false: start() resolves once the server listens, and until the mirror is in step /healthz
   * answers `syncing` and every view 503 with Retry-After.
   */
  readonly waitForMirror?: boolean;
  /** local mode: what to seed on an empty site. Default: the configuration's SEED (demo unless told) */
  readonly seed?: SeedKind;
  /** the built tab. Default dist/tab */
  readonly tabDir?: string;
  /** run the bot's reminder scheduler. Default true */
  readonly botScheduler?: boolean;
  /** mount the bot endpoint. Default true (false: /api/messages answers 501) */
  readonly bot?: boolean;
  /** the clock of the services' rules and of the seed */
  readonly now?: () => Date;
  /** how long in-flight requests may take to finish on stop. Default 10 s */
  readonly shutdownGraceMs?: number;
  /** the lists emulator's added latency per request (benchmarks); default the config's */
  readonly emulatorLatencyMs?: number;
  /** items per page of the Graph store's queries and list changes (tests page every list with small pages); default the store's */
  readonly graphPageSize?: number;
  /**
   * The Graph store's own budget of SharePoint resource units a minute. Default: the store's
   * (the smallest tenants' 1,250) in Microsoft 365 mode; in local mode effectively none, since the
   * emulator on loopback is no shared tenant (its fault switches imitate throttling instead).
   */
  readonly resourceUnitsPerMinute?: number;
  /**
   * Result imports' own budget of resource units a minute: what the preview's duration and the
   * import worker's pace are computed from. Default importBudget of the tenant's budget (its
   * `resourceUnitsPerMinute`, else the smallest tenants' 1,250), in both modes, so a local preview
   * states what the import takes in a small tenant.
   */
  readonly importUnitsPerMinute?: number;
  /** run the import worker (result imports' background jobs). Default true */
  readonly importWorker?: boolean;
  /** how long the import worker's claim holds without a checkpoint, and rows per stored chunk (tests); default the worker's */
  readonly importJobs?: { readonly leaseMs?: number; readonly chunkRows?: number };
  /** Microsoft 365 mode: the app-only Graph token provider. Default: from the configured credential */
  readonly graphTokenProvider?: () => Promise<string>;
  /** how long the Units list is reused between requests (see UnitAccessOptions). Default 5 s */
  readonly unitCacheMilliseconds?: number;
  /** the bot's calls to the Bot Connector go here instead of each activity's serviceUrl (tests) */
  readonly botConnectorUrl?: string;
  /** Skolverket's school-unit register. Default: over HTTP at the configured SCHOOL_UNIT_REGISTER_URL, if any */
  readonly schoolUnitRegister?: SchoolUnitRegister;
  /** Microsoft 365 mode: the OpenID metadata of the Bot Framework's signing keys. Default botbuilder's (tests: loopback) */
  readonly botOpenIdMetadataUrl?: string;
  /**
   * Microsoft 365 mode: Entra ID's signing key set, and how long one fetch of it may take before
   * sign-in answers 503. Default Entra's published set and 5 s (tests: a key server on loopback).
   */
  readonly entraKeys?: { readonly url?: string; readonly timeoutMs?: number };
  /**
   * Kolada's open API for fetching results directly: Microsoft 365 mode uses Kolada's own address
   * by default; local mode fetches only when this is given (tests: a loopback Kolada).
   */
  readonly kolada?: KoladaHttpOptions;
}

/** Where Entra ID publishes the keys that sign its v2.0 tokens (every tenant's). */
const entraKeysUrl = 'https://login.microsoftonline.com/common/discovery/v2.0/keys';

/** What a started server exposes: its URL, and in local mode the parts tests and benchmarks use. */
export interface StartedServer {
  readonly url: string;
  /** the store every write goes through (into the mirror as it is answered) */
  readonly store: Store<Entities>;
  /** what views read: this instance's mirror of the lists */
  readonly readModel: ReadModel<Entities>;
  readonly mirror: {
    /** resolves once the mirror has enumerated every list */
    readonly synced: Promise<void>;
    status(): MirrorStatus;
  };
  readonly services: Services;
  /** local mode only */
  readonly devIdp?: DevIdentityProvider;
  /** local mode only */
  readonly emulator?: RunningEmulator;
}

export interface KvalitetshjuletServer {
  readonly app: Express;
  start(): Promise<StartedServer>;
  /** Stops accepting, lets in-flight requests finish (within the grace time), then closes the rest. */
  stop(): Promise<void>;
}

interface Backend {
  readonly store: GraphStore<Entities>;
  readonly validator: TokenValidator;
  readonly publicConfig: PublicConfig;
  /** who is in a unit's staff group, and people's names */
  readonly directory: Directory;
  readonly devIdp?: DevIdentityProvider;
  readonly emulator?: RunningEmulator;
}

export function createServer(config: Config, options: ServerOptions = {}): KvalitetshjuletServer {
  const log = options.log ?? createLogger({ level: config.logLevel });
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.mode === 'm365' ? 1 : false);

  const pageSizes = options.graphPageSize !== undefined ? { pageSize: options.graphPageSize, changesPageSize: options.graphPageSize } : {};
  let ready = false;
  let stopping = false;
  let api: Router | undefined;
  let devIdpRouter: Router | undefined;
  let server: Server | undefined;
  let backend: Backend | undefined;
  let mirror: MirroredStore<Entities> | undefined;
  let bot: BotEndpoint | undefined;
  let importWorker: ImportWorker | undefined;
  let started: Promise<StartedServer> | undefined;
  let stopped: Promise<void> | undefined;

  app.use(requestContext(log));
  app.use(securityHeaders({ allowSelfFraming: config.mode === 'local' }));

  app.get('/healthz', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    const synced = mirror?.status();
    if (ready && !stopping && synced && !synced.synced) {
      res.status(503).json({ status: 'syncing', mode: config.mode, mirror: synced });
      return;
    }
    res.status(ready && !stopping ? 200 : 503).json({ status: ready && !stopping ? 'ok' : stopping ? 'stopping' : 'starting', mode: config.mode });
  });
  app.use('/dev-idp', (req: Request, res: Response, next: NextFunction) => {
    if (devIdpRouter) devIdpRouter(req, res, next);
    else sendProblem(res, problem('notFound'));
  });
  app.use('/api', (req: Request, res: Response, next: NextFunction) => {
    if (api && !stopping) api(req, res, next);
    else sendProblem(res, problem('unavailable', { detail: stopping ? 'The server is stopping' : 'The server is starting', retryAfterSeconds: 1 }));
  });
  // before the tab, whose fallback would otherwise answer these paths with the sign-in page
  app.use(publicStatements({ controller: config.controller }));
  app.use(staticTab({ dir: options.tabDir ?? path.resolve('dist/tab') }));
  app.use((_req: Request, res: Response) => sendProblem(res, problem('notFound')));
  app.use(errorHandler(log));

  async function listen(): Promise<string> {
    server = app.listen(config.port, config.host);
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  }

  async function localBackend(url: string): Promise<Backend> {
    invariant(config.mode === 'local', 'local backend in m365 mode');
    const own = options.sharedEmulator ? undefined : await startEmulator({
      ...(options.inMemory ? {} : { dataDir: path.join(config.dataDir, 'emulator') }),
      log: (message) => log.warn('emulator recovery', { message }),
      host: '127.0.0.1',
      faults: { latencyMs: options.emulatorLatencyMs ?? config.emulatorLatencyMs },
    });
    const emulator = own ?? options.sharedEmulator;
    invariant(emulator, 'a lists emulator: started here or shared');
    try {
      await provisionLists({ baseUrl: emulator.baseUrl, siteId: emulator.siteId, lists: allLists, log: (line) => log.debug('provision', { line }) });
      const store = createGraphStore<Entities>({
        baseUrl: emulator.baseUrl,
        siteId: emulator.siteId,
        lists,
        throttle: { resourceUnitsPerMinute: options.resourceUnitsPerMinute ?? 1_000_000 },
        ...pageSizes,
      });
      const seed = options.seed ?? config.seed;
      const today = options.now ? { today: options.now() } : {};
      if (seed !== 'none') {
        const started = Date.now();
        const seeded = seed === 'large' ? await seedLarge(store, { ...today, log: (line) => log.info('seeding', { line }) }) : await seedDemo(store, today);
        if (seeded.seeded) log.info('seeded', { seed, items: seeded.items, ms: Date.now() - started });
      }
      const devIdp = await createDevIdentityProvider({ issuerBaseUrl: `${url}/dev-idp` });
      const validator = createTokenValidator(devIdp.validatorOptions());
      return {
        store,
        validator,
        devIdp,
        ...(own ? { emulator: own } : {}),
        directory: new LocalDirectory({ people: [...Object.values(demoPeople), ...(seed === 'large' ? largePeople() : [])] }),
        publicConfig: { mode: 'local', devIdp: { tokenUrl: '/dev-idp/token', personasUrl: '/dev-idp/personas' }, schoolUnitRegister: register !== undefined },
      };
    } catch (error) {
      await own?.close();
      throw error;
    }
  }

  function m365Backend(): Backend {
    invariant(config.mode === 'm365', 'm365 backend in local mode');
    const tokenProvider = options.graphTokenProvider ?? createTokenProvider(config.graph.credential);
    const store = createGraphStore<Entities>({
      baseUrl: config.graph.baseUrl,
      siteId: config.graph.siteId,
      lists,
      tokenProvider,
      ...(options.resourceUnitsPerMinute ? { throttle: { resourceUnitsPerMinute: options.resourceUnitsPerMinute } } : {}),
      ...pageSizes,
    });
    const audiences = [config.clientId, ...(config.tabDomain ? [`api://${config.tabDomain}/${config.clientId}`] : [])];
    const validator = createTokenValidator({
      jwks: createRemoteJWKSet(new URL(options.entraKeys?.url ?? entraKeysUrl), { timeoutDuration: options.entraKeys?.timeoutMs ?? 5_000 }),
      issuer: entraIssuer,
      audiences,
      allowedTenants: config.allowedTenantIds,
    });
    return {
      store,
      validator,
      directory: createGraphDirectory({ baseUrl: config.graph.baseUrl, tokenProvider, appId: config.clientId, warn: (event, fields) => log.warn(event, fields) }),
      publicConfig: {
        mode: 'm365',
        clientId: config.clientId,
        tenantId: config.tenantId,
        authority: `https://login.microsoftonline.com/${config.tenantId}`,
        ...(config.tabDomain ? { apiScope: `api://${config.tabDomain}/${config.clientId}/access_as_user` } : {}),
        schoolUnitRegister: register !== undefined,
      },
    };
  }

  function botHandlerFor(store: Store<Entities>, readModel: ReadModel<Entities>, services: Services, tabUrl: string | undefined): BotHandler | undefined {
    if (options.bot === false) return undefined;
    if (config.mode === 'm365' && !config.bot.id) {
      log.warn('bot disabled', { reason: 'BOT_ID is not set: /api/messages answers 501' });
      return undefined;
    }
    bot = createBotEndpoint({
      store,
      readModel,
      services,
      mode: config.mode,
      ...(config.bot.id ? { botId: config.bot.id } : {}),
      ...(config.bot.tenantId ? { botTenantId: config.bot.tenantId } : {}),
      ...(config.bot.type ? { botType: config.bot.type } : {}),
      ...(config.bot.password ? { botPassword: config.bot.password } : {}),
      ...(options.botConnectorUrl ? { connectorBaseUrl: options.botConnectorUrl } : {}),
      ...(options.botOpenIdMetadataUrl ? { openIdMetadataUrl: options.botOpenIdMetadataUrl } : {}),
      ...(tabUrl !== undefined ? { tabUrl } : {}),
      log: (message) => log.info('bot', { message }),
    });
    if (options.botScheduler ?? true) bot.scheduler.start();
    const endpoint = bot;
    return (req, res) => endpoint.handle(req, res);
  }

  // Skolverket's register, where this deployment reaches it (a test's own stands in for it)
  const register = options.schoolUnitRegister ?? (config.schoolUnitRegisterUrl ? createHttpRegister({ baseUrl: config.schoolUnitRegisterUrl }) : undefined);

  async function start(): Promise<StartedServer> {
    const url = await listen();
    try {
      const b = config.mode === 'local' ? await localBackend(url) : m365Backend();
      backend = b;
      // Every list id at once, so the first view after start is one $batch like every other.
      await b.store.warm();
      // Ready means the lists answer: one read proves the site grant, the list and the identity.
      if (config.mode === 'm365') await b.store.query('units', { top: 1 });
      // Views read this instance's mirror, enumerated from now on; every write goes through it.
      const m = createMirror<Entities>(b.store, b.store, { lists: mirroredLists, log: (event, fields) => log.warn(event, fields) });
      mirror = m;
      const synced = m.start();
      synced.then(() => log.info('mirror in step', { ...m.status() }), () => undefined);
      const services = createServices(m.store, m.readModel, {
        ...(options.now ? { now: options.now } : {}),
        ...(options.unitCacheMilliseconds !== undefined ? { unitCacheMilliseconds: options.unitCacheMilliseconds } : {}),
        ...(config.pageTokenKey ? { pageTokenKey: config.pageTokenKey } : {}),
        directory: b.directory,
        contact: { name: config.controller.name, email: config.controller.email },
        organizerName: config.controller.name,
        ...(register ? { unitImports: { register } } : {}),
        // an action given in a live meeting: the bot's notification to its owner (the bot exists once the services do)
        onOwnerGivenInMeeting: async (event) => bot?.notifyOwnerInMeeting(event),
        // Microsoft 365 mode reaches the internet: the administration may fetch Kolada's values directly
        // the municipality's own values are taken for its kommunkod only
        imports: {
          unitsPerMinute: options.importUnitsPerMinute ?? importBudget(options.resourceUnitsPerMinute ?? 1_250),
          ...(options.importJobs?.chunkRows !== undefined ? { chunkRows: options.importJobs.chunkRows } : {}),
          ...(config.mode === 'm365' ? { kolada: createKoladaHttp(options.kolada ?? {}) } : options.kolada ? { kolada: createKoladaHttp(options.kolada) } : {}),
          ...(config.municipalityCode ? { municipalityCode: config.municipalityCode } : {}),
        },
        importWorker: { log: (message) => log.info('imports', { message }), ...(options.importJobs?.leaseMs !== undefined ? { leaseMs: options.importJobs.leaseMs } : {}) },
      });
      importWorker = options.importWorker ?? true ? services.importWorker : undefined;
      // where a notification opens the tab: this server in local mode, the tab's domain in Microsoft 365
      const tabUrl = config.mode === 'local' ? url : config.tabDomain !== undefined ? `https://${config.tabDomain}` : undefined;
      const botHandler = botHandlerFor(m.store, m.readModel, services, tabUrl);
      api = createApiRouter({
        validator: b.validator,
        services,
        log,
        publicConfig: () => b.publicConfig,
        ...(botHandler ? { botHandler } : {}),
      });
      devIdpRouter = b.devIdp?.router;
      ready = true;
      // imports run once the mirror is in step: a job resumed after a restart writes through it
      synced.then(() => importWorker?.start(), () => undefined);
      if (options.waitForMirror ?? true) await synced;
      log.info('ready', { mode: config.mode, url });
      return {
        url,
        store: m.store,
        readModel: m.readModel,
        mirror: { synced, status: () => m.status() },
        services,
        ...(b.devIdp ? { devIdp: b.devIdp } : {}),
        ...(b.emulator ? { emulator: b.emulator } : {}),
      };
    } catch (error) {
      await stop();
      throw error;
    }
  }

  async function stop(): Promise<void> {
    stopping = true;
    const running = server;
    if (running) {
      const closed = new Promise<void>((resolve) => running.close(() => resolve()));
      // A keep-alive connection whose request finishes after close() would otherwise linger
      // until its keep-alive timeout: close connections as soon as they fall idle.
      running.closeIdleConnections();
      const sweep = setInterval(() => running.closeIdleConnections(), 25);
      const grace = setTimeout(() => running.closeAllConnections(), options.shutdownGraceMs ?? 10_000);
      grace.unref();
      await closed;
      clearInterval(sweep);
      clearTimeout(grace);
    }
    await importWorker?.stop();
    mirror?.close();
    await bot?.close();
    await backend?.emulator?.close();
    log.info('stopped', { mode: config.mode });
  }

  return {
    app,
    start: () => (started ??= start()),
    stop: () => (stopped ??= stop()),
  };
}

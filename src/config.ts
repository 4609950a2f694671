/**
 * The server's configuration: the environment, read once and checked with zod.
 * Nothing else in the process reads `process.env`.
 *
 * The mode follows DESIGN.md: Microsoft 365 when the Graph site and the Entra app are configured,
 * local (emulator + dev identity provider) otherwise; `MODE` overrides.
 */
import { z } from 'zod';

const onOff = z.enum(['on', 'off']);
const csv = z
  .string()
  .transform((value) => value.split(',').map((part) => part.trim()).filter((part) => part.length > 0));
const optionalText = z.string().trim().min(1).optional();
const optionalEmail = z.email('an e-mail address').optional();

/** The word that stands for the home tenant (TENANT_ID) in ALLOWED_TENANT_IDS; its default. */
export const homeTenant = 'home';

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: optionalText,
  MODE: z.enum(['local', 'm365']).optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  TAB_DOMAIN: optionalText,
  AAD_APP_CLIENT_ID: optionalText,
  TENANT_ID: optionalText,
  ALLOWED_TENANT_IDS: csv.optional(),
  GRAPH_SITE_ID: optionalText,
  GRAPH_BASE_URL: z.url().optional(),
  GRAPH_CLIENT_ID: optionalText,
  GRAPH_CLIENT_SECRET: optionalText,
  GRAPH_TENANT_ID: optionalText,
  BOT_ID: optionalText,
  BOT_TENANT_ID: optionalText,
  BOT_TYPE: optionalText,
  BOT_PASSWORD: optionalText,
  DEV_IDP: onOff.optional(),
  EMULATOR_LATENCY_MS: z.coerce.number().int().min(0).max(60_000).default(0),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  PAGE_TOKEN_KEY: z.string().min(32, 'at least 32 characters').optional(),
  SEED: z.enum(['demo', 'large', 'none']).optional(),
  SCHOOL_UNIT_REGISTER_URL: z.url().optional(),
  MUNICIPALITY_CODE: z.string().regex(/^\d{4}$/, 'the kommunkod has four digits').optional(),
  CONTROLLER_NAME: optionalText,
  CONTROLLER_EMAIL: optionalEmail,
  DPO_EMAIL: optionalEmail,
  ACCESSIBILITY_EMAIL: optionalEmail,
});

/** What local mode seeds on an empty site: the demo municipality, the large one (600 units, five years), or nothing. */
export type SeedKind = 'demo' | 'large' | 'none';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/** The app-only Graph identity of the server (Sites.Selected on the one site). */
export type GraphCredential =
  | { readonly kind: 'managedIdentity'; readonly clientId: string }
  | { readonly kind: 'clientSecret'; readonly tenantId: string; readonly clientId: string; readonly clientSecret: string };

export interface BotConfig {
  readonly id?: string;
  readonly tenantId?: string;
  readonly type?: string;
  readonly password?: string;
}

/**
 * Who answers for the data and the service (the privacy statement, terms of use and
 * accessibility statement name them): the municipality's board as data controller, its data
 * protection officer, and where accessibility problems are reported.
 */
export interface ControllerConfig {
  readonly name: string;
  readonly email: string;
  readonly dpoEmail: string;
  readonly accessibilityEmail: string;
}

/** The demo municipality's fictional kommunkod (no real municipality has it). */
export const demoMunicipalityCode = '9999';

/** Local mode's fictional controller: the demo municipality of the seed. */
export const demoController: ControllerConfig = {
  name: 'Barn- och utbildningsnämnden i Demokommun',
  email: 'barn-och-utbildning@demokommun.example',
  dpoEmail: 'dataskyddsombud@demokommun.example',
  accessibilityEmail: 'tillganglighet@demokommun.example',
};

interface CommonConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly logLevel: LogLevel;
  readonly bot: BotConfig;
  /** the public host of the tab (without scheme), when known */
  readonly tabDomain?: string;
  /** signs list page tokens; share it between instances (default: random per process) */
  readonly pageTokenKey?: string;
  readonly controller: ControllerConfig;
  /**
   * Skolverket's school-unit register (its open API v2), where units are fetched by municipality
   * code. Microsoft 365 mode: api.skolverket.se unless set; local mode: only when set (it needs no network).
   */
  readonly schoolUnitRegisterUrl?: string;
  /**
   * The municipality's kommunkod (Kolada's municipality id): Kolada's values for the municipality
   * as a whole are imported for this one only. Local mode: the demo municipality's fictional 9999.
   */
  readonly municipalityCode?: string;
}

/** Skolverket's open API for the school-unit register (Skolenhetsregistret). */
export const skolverketRegisterUrl = 'https://api.skolverket.se/skolenhetsregistret';

/** Local mode: the lists emulator in-process and the dev identity provider on loopback. */
export interface LocalConfig extends CommonConfig {
  readonly mode: 'local';
  readonly devIdp: true;
  readonly emulatorLatencyMs: number;
  /** what an empty site starts with: the demo municipality (default), the large one, or nothing (the set-up guide) */
  readonly seed: SeedKind;
}

/** Microsoft 365 mode: Entra ID tokens and SharePoint lists through Graph. */
export interface M365Config extends CommonConfig {
  readonly mode: 'm365';
  readonly devIdp: false;
  readonly clientId: string;
  readonly tenantId: string;
  readonly allowedTenantIds: readonly string[];
  readonly graph: {
    readonly siteId: string;
    readonly baseUrl: string;
    readonly credential: GraphCredential;
  };
}

export type Config = LocalConfig | M365Config;

/** A configuration that cannot run; the message names the variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Parses the environment once. Throws ConfigError naming the first offending variable.
 * `env` defaults to `process.env` only here.
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path.join('.') ?? 'environment';
    throw new ConfigError(`${name}: ${issue?.message ?? 'invalid'}`);
  }
  const e = parsed.data;
  const mode = e.MODE ?? (e.GRAPH_SITE_ID && e.AAD_APP_CLIENT_ID ? 'm365' : 'local');
  const bot: BotConfig = {
    ...(e.BOT_ID ? { id: e.BOT_ID } : {}),
    ...(e.BOT_TENANT_ID ? { tenantId: e.BOT_TENANT_ID } : {}),
    ...(e.BOT_TYPE ? { type: e.BOT_TYPE } : {}),
    ...(e.BOT_PASSWORD ? { password: e.BOT_PASSWORD } : {}),
  };
  const common = {
    port: e.PORT,
    dataDir: e.DATA_DIR,
    logLevel: e.LOG_LEVEL,
    bot,
    ...(e.TAB_DOMAIN ? { tabDomain: e.TAB_DOMAIN } : {}),
    ...(e.PAGE_TOKEN_KEY ? { pageTokenKey: e.PAGE_TOKEN_KEY } : {}),
  };
  const register = e.SCHOOL_UNIT_REGISTER_URL ?? (mode === 'm365' ? skolverketRegisterUrl : undefined);

  if (mode === 'local') {
    if (e.DEV_IDP === 'off') {
      throw new ConfigError('DEV_IDP: local mode signs users in with the dev identity provider; it cannot be off');
    }
    const host = e.HOST ?? '127.0.0.1';
    if (!isLoopback(host)) {
      throw new ConfigError(
        `HOST: local mode listens on loopback only (127.0.0.1, ::1 or localhost), not ${host}: its dev identity provider signs a token ` +
        'for any demo person, the administration included, to whoever asks, so on a network anyone could sign in as anyone. ' +
        'To serve others, run in Microsoft 365 mode (see docs/deploy.md).',
      );
    }
    return {
      ...common,
      mode: 'local',
      host,
      controller: {
        name: e.CONTROLLER_NAME ?? demoController.name,
        email: e.CONTROLLER_EMAIL ?? demoController.email,
        dpoEmail: e.DPO_EMAIL ?? demoController.dpoEmail,
        accessibilityEmail: e.ACCESSIBILITY_EMAIL ?? demoController.accessibilityEmail,
      },
      devIdp: true,
      emulatorLatencyMs: e.EMULATOR_LATENCY_MS,
      seed: e.SEED ?? 'demo',
      ...(register ? { schoolUnitRegisterUrl: register } : {}),
      municipalityCode: e.MUNICIPALITY_CODE ?? demoMunicipalityCode,
    };
  }

  if (e.DEV_IDP === 'on') {
    throw new ConfigError('DEV_IDP: the dev identity provider is refused in Microsoft 365 mode');
  }
  if (e.SEED === 'demo' || e.SEED === 'large') throw new ConfigError(`SEED: the ${e.SEED} municipality is seeded in local mode only`);
  const clientId = required(e.AAD_APP_CLIENT_ID, 'AAD_APP_CLIENT_ID');
  const tenantId = required(e.TENANT_ID, 'TENANT_ID');
  const siteId = required(e.GRAPH_SITE_ID, 'GRAPH_SITE_ID');
  // A municipality must say who is responsible for the data and whom to ask: no defaults here.
  const controller: ControllerConfig = {
    name: required(e.CONTROLLER_NAME, 'CONTROLLER_NAME'),
    email: required(e.CONTROLLER_EMAIL, 'CONTROLLER_EMAIL'),
    dpoEmail: required(e.DPO_EMAIL, 'DPO_EMAIL'),
    accessibilityEmail: required(e.ACCESSIBILITY_EMAIL, 'ACCESSIBILITY_EMAIL'),
  };
  const credential: GraphCredential = e.GRAPH_CLIENT_SECRET
    ? {
        kind: 'clientSecret',
        tenantId: e.GRAPH_TENANT_ID ?? tenantId,
        clientId: e.GRAPH_CLIENT_ID ?? clientId,
        clientSecret: e.GRAPH_CLIENT_SECRET,
      }
    : { kind: 'managedIdentity', clientId: required(e.GRAPH_CLIENT_ID, 'GRAPH_CLIENT_ID (the managed identity) or GRAPH_CLIENT_SECRET') };
  return {
    ...common,
    mode: 'm365',
    host: e.HOST ?? '0.0.0.0',
    devIdp: false,
    controller,
    ...(register ? { schoolUnitRegisterUrl: register } : {}),
    ...(e.MUNICIPALITY_CODE ? { municipalityCode: e.MUNICIPALITY_CODE } : {}),
    clientId,
    tenantId,
    allowedTenantIds: allowedTenants(e.ALLOWED_TENANT_IDS ?? [], tenantId),
    graph: { siteId, baseUrl: e.GRAPH_BASE_URL ?? 'https://graph.microsoft.com/v1.0', credential },
  };
}

/** Whether a listen address reaches only this machine. */
function isLoopback(host: string): boolean {
  const name = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return name === 'localhost' || name === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

/** `home` (the default, and what an empty list means) is the home tenant; listed once each. */
function allowedTenants(listed: readonly string[], tenantId: string): string[] {
  const ids = listed.length > 0 ? listed : [homeTenant];
  return [...new Set(ids.map((id) => (id === homeTenant ? tenantId : id)))];
}

function required(value: string | undefined, name: string): string {
  if (!value) throw new ConfigError(`${name}: required in Microsoft 365 mode`);
  return value;
}

/**
 * Routes declare the permission they need. `guard(permission)` is the first step of every route:
 * it authenticates (except for 'public'), makes the caller, and checks what can be checked before
 * the handler runs (permissions that are not about a unit; the unit in `:unitId`). Services check
 * again once they have loaded the item (an action's owner, an analysis' status).
 * The route-walk test reads `permissionOf` on each route's first step.
 */
import express, { type NextFunction, type Request, type RequestHandler, type Response, type Router } from 'express';
import type { Permission } from '../auth/policy';
import type { Principal } from '../auth/principal';
import { IdentityUnavailableError, isAuthError } from '../auth/auth-error';
import { invariant } from '../domain';
import type { Caller, Services } from '../services';
import { logReason } from './middleware/request-context';
import { problem } from './problems';

export interface TokenValidatorLike {
  validate(authorizationHeader: string | undefined): Promise<Principal>;
}

/** What routes need: the token validator and the services. */
export interface RouteDeps {
  readonly validator: TokenValidatorLike;
  readonly services: Services;
}

const permissionKey = Symbol.for('kvalitetshjulet.permission');
type Guard = RequestHandler & { readonly [permissionKey]: Permission };

/** The permission a route step declares, if it is a guard. */
export function permissionOf(handler: unknown): Permission | undefined {
  if (typeof handler !== 'function') return undefined;
  const value: unknown = (handler as unknown as Record<symbol, unknown>)[permissionKey];
  return typeof value === 'string' ? (value as Permission) : undefined;
}

/** When to ask again after the signing keys (or a user's groups) could not be read. */
const identityRetryAfterSeconds = 10;

/** Permissions decided without a unit. */
const callerLevel: ReadonlySet<Permission> = new Set(['me.read', 'units.list', 'units.learn', 'organizer.read', 'organizer.edit']);

export function guard(permission: Permission, deps: RouteDeps): Guard {
  const step = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    if (permission === 'public') {
      next();
      return;
    }
    let principal: Principal;
    try {
      principal = await deps.validator.validate(req.get('authorization'));
    } catch (error) {
      if (error instanceof IdentityUnavailableError) {
        logReason(res, `identityUnavailable: ${error.message} (${error.causeName})`);
        throw problem('unavailable', { detail: { sv: 'Inloggningen kan inte kontrolleras just nu. Försök igen om en stund.', en: 'The sign-in cannot be checked right now. Try again in a moment.' }, retryAfterSeconds: identityRetryAfterSeconds });
      }
      if (!isAuthError(error)) throw error;
      res.setHeader('WWW-Authenticate', error.challenge);
      logReason(res, error.code);
      throw problem(error.status === 403 ? 'forbidden' : 'unauthenticated', { detail: error.code });
    }
    const caller = await deps.services.access.callerFor(principal);
    res.locals['caller'] = caller;
    if (callerLevel.has(permission)) {
      deps.services.access.requireGlobal(caller, permission);
    } else {
      const unitId = req.params['unitId'];
      if (typeof unitId === 'string') await deps.services.access.require(caller, permission, unitId);
    }
    next();
  };
  return Object.assign(step, { [permissionKey]: permission }) as Guard;
}

/** The caller the guard made; a route without a guard has none, which is a programming error. */
export function callerOf(res: Response): Caller {
  const caller: unknown = res.locals['caller'];
  invariant(typeof caller === 'object' && caller !== null && 'userId' in caller, 'route without an authenticating guard');
  return caller as Caller;
}

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
export type Handler = (req: Request, res: Response) => Promise<void>;

/** The JSON body a route reads by default: 100 kB. */
export const defaultBodyLimitBytes = 100 * 1024;

export interface RouteOptions {
  /** the largest JSON body the route reads (imports carry whole CSV files). Default 100 kB */
  readonly bodyLimitBytes?: number;
}

/** Registers routes that each declare a permission; there is no other way to add one. */
export interface RouteTable {
  add(method: Method, path: string, permission: Permission, handler: Handler, options?: RouteOptions): void;
}

/** Writes need a JSON body; anything else with a body is refused before it is read. */
function requireJson(req: Request, _res: Response, next: NextFunction): void {
  const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
  if (hasBody && !req.is('application/json')) {
    next(problem('unsupportedMediaType', { detail: 'Send application/json' }));
    return;
  }
  next();
}

/**
 * The route's steps: the guard first (so an anonymous or refused request is answered before its
 * body is read, however large), then the body, then the handler.
 */
export function routeTable(router: Router, deps: RouteDeps): RouteTable {
  const parsers = new Map<number, RequestHandler>();
  const bodyOf = (limit: number): RequestHandler => {
    const parser = parsers.get(limit) ?? express.json({ limit, strict: true, type: 'application/json' });
    parsers.set(limit, parser);
    return parser;
  };
  return {
    add(method, path, permission, handler, options = {}) {
      router[method](path, guard(permission, deps), requireJson, bodyOf(options.bodyLimitBytes ?? defaultBodyLimitBytes), handler);
    },
  };
}

/** A route param as a string (Express 5 types them loosely). */
export function param(req: Request, name: string): string {
  const value: unknown = req.params[name];
  if (typeof value !== 'string' || value === '') throw problem('notFound');
  return value;
}

/** A list item id from the path; anything but SharePoint's integer ids is simply not found. */
export function itemParam(req: Request, name = 'id'): string {
  const value = param(req, name);
  if (!/^[1-9]\d{0,15}$/.test(value)) throw problem('notFound');
  return value;
}

/** `*` as an entity tag (alone or in a list): it matches every version. */
const anyVersion = /(^|,)\s*(W\/)?\*\s*(,|$)/;

/**
 * The `If-Match` an update or delete must carry: the eTag the caller read. Missing, or `*` (which
 * would write over a change the caller never saw), is 428.
 */
export function ifMatch(req: Request): string {
  const value = req.get('if-match')?.trim();
  if (!value) throw problem('preconditionRequired', { detail: 'Send the item\'s etag in If-Match', field: 'If-Match' });
  if (anyVersion.test(value)) throw problem('preconditionRequired', { detail: 'Send the item\'s etag in If-Match; * is not accepted', field: 'If-Match' });
  return value;
}

/**
 * Routes declare the permission they need. `guard(permission)` is the first step of every route:
 * it authenticates (except for 'public'), makes the caller, and checks what can be checked before
 * the handler runs (permissions that are not about a unit; the unit in `:unitId`). Services check
 * again once they have loaded the item (an action's owner, an analysis' status).
 * The route-walk test reads `permissionOf` on each route's first step.
 */
import type { NextFunction, Request, RequestHandler, Response, Router } from 'express';
import type { Permission } from '../auth/policy';
import type { Principal } from '../auth/principal';
import { isAuthError } from '../auth/auth-error';
import { invariant } from '../domain';
import type { Caller, Services } from '../services';
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

/** Permissions decided without a unit. */
const callerLevel: ReadonlySet<Permission> = new Set(['me.read', 'units.list', 'organizer.read', 'organizer.edit']);

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
      if (!isAuthError(error)) throw error;
      res.setHeader('WWW-Authenticate', error.challenge);
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

/** Registers routes that each declare a permission; there is no other way to add one. */
export interface RouteTable {
  add(method: Method, path: string, permission: Permission, handler: Handler): void;
}

export function routeTable(router: Router, deps: RouteDeps): RouteTable {
  return {
    add(method, path, permission, handler) {
      router[method](path, guard(permission, deps), handler);
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

/** The `If-Match` an update must carry (missing: 428). */
export function ifMatch(req: Request): string {
  const value = req.get('if-match')?.trim();
  if (!value) throw problem('preconditionRequired', { detail: 'Send the item\'s etag in If-Match', field: 'If-Match' });
  return value;
}

/** The optional `Idempotency-Key`, passed to the store as its client key. */
export function idempotencyKey(req: Request): string | undefined {
  const value = req.get('idempotency-key')?.trim();
  if (value === undefined || value === '') return undefined;
  if (!/^[\w:.-]{1,100}$/.test(value)) throw problem('invalidBody', { field: 'Idempotency-Key', detail: 'Idempotency-Key: 1-100 letters, digits, _ : . -' });
  return value;
}

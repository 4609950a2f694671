/**
 * For the specs that check every route: the API router with every optional route family mounted
 * (nothing is called), and a walk of its routes with the permission each one declares.
 */
import type { Router } from 'express';
import type { Services } from '../services';
import { createApiRouter } from './index';
import { createLogger } from './log';
import { permissionOf } from './route';

export interface WalkedRoute {
  readonly methods: string[];
  readonly path: string;
  readonly permission: string | undefined;
}

interface LayerLike {
  readonly route?: { readonly path: string; readonly methods: Record<string, boolean>; readonly stack: readonly { readonly handle: unknown }[] };
  readonly handle?: unknown;
}

/** The API router as the server mounts it, over services that must not be called. */
export function routerToWalk(): Router {
  return createApiRouter({
    validator: { validate: () => Promise.reject(new Error('not called')) },
    services: {} as Services,
    log: createLogger({ level: 'silent' }),
    publicConfig: () => ({ mode: 'local', schoolUnitRegister: false }),
    // every optional route family mounted, so the walk sees them all
    botHandler: () => Promise.resolve(),
  });
}

/** Every route of a router, nested routers included, with the permission its first step declares. */
export function walkRoutes(router: Router): WalkedRoute[] {
  return walk(router as unknown as { stack: LayerLike[] });
}

function walk(router: { readonly stack: readonly LayerLike[] }, prefix = ''): WalkedRoute[] {
  const found: WalkedRoute[] = [];
  for (const layer of router.stack) {
    if (layer.route) {
      found.push({
        methods: Object.keys(layer.route.methods),
        path: `${prefix}${layer.route.path}`,
        permission: permissionOf(layer.route.stack[0]?.handle),
      });
    } else if (typeof layer.handle === 'function' && 'stack' in layer.handle && Array.isArray(layer.handle.stack)) {
      found.push(...walk(layer.handle as unknown as { stack: LayerLike[] }, prefix));
    }
  }
  return found;
}

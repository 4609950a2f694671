import type { Router } from 'express';
import { describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../auth/policy';
import type { Services } from '../services';
import { createApiRouter } from './index';
import { createLogger } from './log';
import { permissionOf } from './route';

interface WalkedRoute {
  readonly methods: string[];
  readonly path: string;
  readonly permission: string | undefined;
}

interface LayerLike {
  readonly route?: { readonly path: string; readonly methods: Record<string, boolean>; readonly stack: readonly { readonly handle: unknown }[] };
  readonly handle?: unknown;
}

/** Every route of a router, nested routers included, with the permission its first step declares. */
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

describe('the API router', () => {
  const router: Router = createApiRouter({
    validator: { validate: () => Promise.reject(new Error('not called')) },
    services: {} as Services,
    log: createLogger({ level: 'silent' }),
    publicConfig: () => ({ mode: 'local' }),
    // every optional route family mounted, so the walk sees them all
    botHandler: () => Promise.resolve(),
  });
  const routes = walk(router as unknown as { stack: LayerLike[] });

  it('has the routes the tab uses', () => {
    const paths = routes.map((route) => `${route.methods.join(',')} ${route.path}`);
    for (const expected of ['get /units/:unitId/overview', 'patch /actions/:id', 'get /my/actions', 'put /meetings/:id/responses/me', 'post /messages', 'get /organizer/rollup']) {
      expect(paths).toContain(expected);
    }
    expect(routes.length).toBeGreaterThan(40);
  });

  it('declares a known permission on every route, as its first step', () => {
    const without = routes.filter((route) => route.permission === undefined || !PERMISSIONS.includes(route.permission as never));
    expect(without).toEqual([]);
  });

  it('keeps public routes to the configuration and the bot endpoint', () => {
    const open = routes.filter((route) => route.permission === 'public').map((route) => route.path).sort();
    expect(open).toEqual(['/config', '/messages']);
  });
});

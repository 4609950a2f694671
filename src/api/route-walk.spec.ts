import { describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../auth/policy';
import { routerToWalk, walkRoutes } from './spec-helpers';

describe('the API router', () => {
  const routes = walkRoutes(routerToWalk());

  it('has the routes the tab uses', () => {
    const paths = routes.map((route) => `${route.methods.join(',')} ${route.path}`);
    for (const expected of ['get /units/:unitId/overview', 'get /units/:unitId/report.docx', 'patch /actions/:id', 'get /my/actions', 'put /meetings/:id/responses/me', 'post /messages', 'get /organizer/rollup']) {
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

import type { Me, PublicConfig } from '../../contract';
import { presentMe } from '../presenters/me';
import { sendJson } from '../reply';
import { callerOf, type RouteDeps, type RouteTable } from '../route';

export function metaRoutes(routes: RouteTable, deps: RouteDeps, publicConfig: () => PublicConfig): void {
  routes.add('get', '/config', 'public', async (_req, res) => {
    sendJson<PublicConfig>(res, publicConfig());
  });

  routes.add('get', '/me', 'me.read', async (_req, res) => {
    const caller = callerOf(res);
    sendJson<Me>(res, presentMe(caller, await deps.services.access.visibleUnits(caller)));
  });
}

import { PageQuerySchema, compact } from '../query';
import { sendAll, sendPage } from '../reply';
import { callerOf, type RouteDeps, type RouteTable } from '../route';
import { parseQuery } from '../validate';

/** The personal tab: the caller's own work across units. */
export function myRoutes(routes: RouteTable, { services }: RouteDeps): void {
  routes.add('get', '/my/actions', 'me.read', async (req, res) => {
    const query = parseQuery(PageQuerySchema, req.query);
    sendPage(res, await services.actions.mine(callerOf(res), compact(query)));
  });

  routes.add('get', '/my/follow-ups', 'me.read', async (_req, res) => {
    sendAll(res, await services.followUps.unanswered(callerOf(res)));
  });
}

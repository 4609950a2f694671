/**
 * The tab's REST API under /api: one permission per route, checked before the body is read; JSON
 * bodies of at most 100 kB (imports 5 MB), zod at the edge, and every error as
 * application/problem+json from the catalogue.
 */
import express, { type Request, type Router } from 'express';
import { botReply, type BotReply } from './bot-reply';
import type { Logger } from './log';
import { apiNotFound, errorHandler } from './middleware/errors';
import { problem } from './problems';
import { routeTable, type RouteDeps } from './route';
import { actionRoutes } from './routes/actions';
import { analysisRoutes } from './routes/analyses';
import { analysisSupportRoutes } from './routes/analysis-support';
import { deficiencyRoutes } from './routes/deficiencies';
import { feedbackRoutes } from './routes/feedback';
import { followUpTemplateRoutes } from './routes/follow-up-templates';
import { goalRoutes } from './routes/goals';
import { indicatorRoutes } from './routes/indicators';
import { measurementRoutes } from './routes/measurements';
import { meetingRoutes } from './routes/meetings';
import { meetingLiveRoutes } from './routes/meeting-live';
import type { PublicConfig } from '../contract';
import { metaRoutes } from './routes/meta';
import { myRoutes } from './routes/my';
import { peopleRoutes } from './routes/people';
import { organizerRoutes } from './routes/organizer';
import { otherUnitsRoutes } from './routes/other-units';
import { setupRoutes } from './routes/setup';
import { unitRoutes } from './routes/units';
import { yearWheelRoutes } from './routes/year-wheel';

/** The bot's request handler (bot/index.ts `handle`): it answers through the reply it is given. */
export type BotHandler = (req: Request, reply: BotReply) => Promise<void>;

export interface ApiOptions extends RouteDeps {
  readonly log: Logger;
  readonly publicConfig: () => PublicConfig;
  /**
   * The bot endpoint (POST /api/messages). It authenticates with Bot Framework tokens itself, so
   * its route declares 'public'. Absent: 501.
   */
  readonly botHandler?: BotHandler;
}

export function createApiRouter(options: ApiOptions): Router {
  const router = express.Router();
  // Each route authenticates first, then reads its body (route.ts): nothing is parsed for a stranger.
  const routes = routeTable(router, options);
  metaRoutes(routes, options, options.publicConfig);
  unitRoutes(routes, options);
  goalRoutes(routes, options);
  indicatorRoutes(routes, options);
  measurementRoutes(routes, options);
  analysisRoutes(routes, options);
  analysisSupportRoutes(routes, options);
  actionRoutes(routes, options);
  deficiencyRoutes(routes, options);
  meetingRoutes(routes, options);
  meetingLiveRoutes(routes, options);
  followUpTemplateRoutes(routes, options);
  yearWheelRoutes(routes, options);
  feedbackRoutes(routes, options);
  myRoutes(routes, options);
  peopleRoutes(routes, options);
  otherUnitsRoutes(routes, options);
  organizerRoutes(routes, options);
  setupRoutes(routes, options);

  const bot = options.botHandler;
  routes.add('post', '/messages', 'public', async (req, res) => {
    if (!bot) throw problem('notImplemented', { detail: 'The bot endpoint is not configured in this build' });
    await bot(req, botReply(res));
  });

  router.use(apiNotFound);
  router.use(errorHandler(options.log));
  return router;
}

export type { PublicConfig } from '../contract';
export { createLogger, type Logger } from './log';
export { requestContext } from './middleware/request-context';
export { securityHeaders, contentSecurityPolicy, frameAncestors } from './middleware/security-headers';
export { errorHandler } from './middleware/errors';
export { permissionOf } from './route';

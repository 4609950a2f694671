/**
 * The tab's REST API under /api: JSON bodies of at most 100 kB, zod at the edge, one permission
 * per route, and every error as application/problem+json from the catalogue.
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { Logger } from './log';
import { apiNotFound, errorHandler } from './middleware/errors';
import { problem } from './problems';
import { routeTable, type RouteDeps } from './route';
import { actionRoutes } from './routes/actions';
import { analysisRoutes } from './routes/analyses';
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
import { importBodyParser, importPaths, organizerRoutes } from './routes/organizer';
import { setupRoutes, unitImportPaths } from './routes/setup';
import { unitRoutes } from './routes/units';
import { yearWheelRoutes } from './routes/year-wheel';

export const bodyLimit = '100kb';

/** The bot's request handler (bot/index.ts `handle`): it answers the response itself. */
export type BotHandler = (req: Request, res: Response) => Promise<void>;

export interface ApiOptions extends RouteDeps {
  readonly log: Logger;
  readonly publicConfig: () => PublicConfig;
  /**
   * The bot endpoint (POST /api/messages). It authenticates with Bot Framework tokens itself, so
   * its route declares 'public'. Absent: 501.
   */
  readonly botHandler?: BotHandler;
}

/** Writes need a JSON body; anything else with a body is refused before parsing. */
function requireJson(req: Request, _res: Response, next: NextFunction): void {
  const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
  if (hasBody && !req.is('application/json')) {
    next(problem('unsupportedMediaType', { detail: 'Send application/json' }));
    return;
  }
  next();
}

export function createApiRouter(options: ApiOptions): Router {
  const router = express.Router();
  router.use(requireJson);
  // Imports carry whole CSV files: their own larger limit, on their paths only, before the default parser.
  router.use([...importPaths, ...unitImportPaths], importBodyParser());
  router.use(express.json({ limit: bodyLimit, strict: true, type: 'application/json' }));

  const routes = routeTable(router, options);
  metaRoutes(routes, options, options.publicConfig);
  unitRoutes(routes, options);
  goalRoutes(routes, options);
  indicatorRoutes(routes, options);
  measurementRoutes(routes, options);
  analysisRoutes(routes, options);
  actionRoutes(routes, options);
  deficiencyRoutes(routes, options);
  meetingRoutes(routes, options);
  meetingLiveRoutes(routes, options);
  followUpTemplateRoutes(routes, options);
  yearWheelRoutes(routes, options);
  feedbackRoutes(routes, options);
  myRoutes(routes, options);
  peopleRoutes(routes, options);
  organizerRoutes(routes, options);
  setupRoutes(routes, options);

  const bot = options.botHandler;
  routes.add('post', '/messages', 'public', async (req, res) => {
    if (!bot) throw problem('notImplemented', { detail: 'The bot endpoint is not configured in this build' });
    await bot(req, res);
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

import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { problem, sendProblem } from './problems';

/** Vite names built assets `name-<hash>.ext`: those never change, so they are cached for a year. */
const hashedAsset = /[-.][A-Za-z0-9_-]{8,}\.(js|css|woff2?|png|svg|jpg|webp|ico)$/;

export interface StaticTabOptions {
  /** the built tab (dist/tab) */
  readonly dir: string;
}

/**
 * Serves the built tab: hashed assets with a long cache, and index.html (never cached) for `/`,
 * `/config`, `/tab` and every other GET that is not an API, dev-idp or health path (SPA routes).
 */
export function staticTab(options: StaticTabOptions): Router {
  const router = express.Router();
  const index = path.join(options.dir, 'index.html');
  router.use(
    express.static(options.dir, {
      index: false,
      fallthrough: true,
      setHeaders(res, file) {
        res.setHeader('Cache-Control', hashedAsset.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    }),
  );
  router.get(/^(?!\/(api|dev-idp|healthz)(\/|$)).*/, (req: Request, res: Response, next: NextFunction) => {
    // a missing file with an extension is a 404, not the app
    if (path.extname(req.path) !== '') {
      next();
      return;
    }
    if (!existsSync(index)) {
      sendProblem(res, problem('notImplemented', { detail: 'The tab is not built: run npm run build:tab' }));
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}

/**
 * The public statements, served without sign-in at stable paths: /privacy, /terms and
 * /accessibility, in Swedish, or in English with `?lang=en`. The app manifest's privacyUrl and
 * termsOfUseUrl point here.
 */
import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import type { ControllerConfig } from '../config';
import { accessibilityStatement } from './accessibility';
import { statementKeys, statementPaths, type Language, type StatementKey } from '../domain';
import type { Statement, StatementContext } from './document';
import { renderStatementPage } from './page';
import { privacyStatement } from './privacy';
import { termsOfUse } from './terms';

const writers: Readonly<Record<StatementKey, (context: StatementContext) => Statement>> = {
  privacy: privacyStatement,
  terms: termsOfUse,
  accessibility: accessibilityStatement,
};

// Any other value, or none, is Swedish: a stable address never fails on its query.
const QuerySchema = z.object({ lang: z.enum(['sv', 'en']).catch('sv').default('sv') });

export function publicStatements(options: { controller: ControllerConfig }): Router {
  const router = express.Router();
  for (const key of statementKeys) {
    router.get(statementPaths[key], (req: Request, res: Response) => {
      const lang: Language = QuerySchema.parse(req.query).lang;
      const statement = writers[key]({ controller: options.controller, lang });
      res.setHeader('Content-Language', lang);
      res.setHeader('Cache-Control', 'public, max-age=300');
      res.type('html').send(renderStatementPage({ key, lang, statement, controller: options.controller }));
    });
  }
  return router;
}

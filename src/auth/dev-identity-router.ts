import type { JSONWebKeySet } from 'jose';
import type { ErrorRequestHandler, Response } from 'express';
import express from 'express';
import { PERSONAS, findPersona } from './personas';

export interface DevIdentityRouterOptions {
  readonly issuer: string;
  readonly jwks: JSONWebKeySet;
  readonly issue: (personaId: string) => Promise<string>;
  readonly lifetimeSeconds: number;
}

function problem(res: Response, status: number, title: string, detail: string): void {
  res.status(status).type('application/problem+json').json({ type: 'about:blank', title, status, detail });
}

/** The dev identity provider's HTTP face: discovery, keys, the persona list and a token endpoint. */
export function createDevIdentityRouter(options: DevIdentityRouterOptions): express.Router {
  const router = express.Router();

  router.get('/.well-known/openid-configuration', (_req, res) => {
    res.json({
      issuer: options.issuer,
      jwks_uri: `${options.issuer}/keys`,
      token_endpoint: `${options.issuer}/token`,
      response_types_supported: ['token'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      scopes_supported: ['access_as_user'],
    });
  });

  router.get('/keys', (_req, res) => {
    res.json(options.jwks);
  });

  router.get('/personas', (_req, res) => {
    res.json(PERSONAS.map(({ id, userId, name, title, roleDescription }) => ({ id, userId, name, title, roleDescription })));
  });

  router.post('/token', express.json(), async (req, res) => {
    const body: unknown = req.body;
    const personaId = typeof body === 'object' && body !== null && 'persona' in body ? body.persona : undefined;
    if (typeof personaId !== 'string') {
      problem(res, 400, 'Ogiltig begäran', 'Ange en persona: { "persona": "<id>" }.');
      return;
    }
    if (findPersona(personaId) === undefined) {
      problem(res, 404, 'Okänd persona', `Det finns ingen persona med id ${personaId}.`);
      return;
    }
    const accessToken = await options.issue(personaId);
    res.set('Cache-Control', 'no-store').json({ access_token: accessToken, token_type: 'Bearer', expires_in: options.lifetimeSeconds });
  });

  const handleBodyError: ErrorRequestHandler = (error: unknown, _req, res, next) => {
    if (error instanceof SyntaxError) {
      problem(res, 400, 'Ogiltig begäran', 'Begärans innehåll är inte giltig JSON.');
      return;
    }
    next(error);
  };
  router.use(handleBodyError);

  return router;
}

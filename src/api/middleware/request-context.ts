import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../log';

const acceptedRequestId = /^[\w.-]{1,64}$/;

/**
 * Gives each request an id (a caller's `X-Request-Id` when it is well formed), echoes it, and
 * writes one access line when the response is done: method, route path, status, duration, and
 * why it was refused when the refusal is ours to explain (`logReason`), so a refusal is one line.
 * The query string, headers and bodies are never logged: they may hold tokens or personal data.
 */
export function requestContext(log: Logger) {
  return function requestContextStep(req: Request, res: Response, next: NextFunction): void {
    const incoming = req.get('x-request-id');
    const requestId = incoming && acceptedRequestId.test(incoming) ? incoming : randomUUID();
    res.setHeader('X-Request-Id', requestId);
    const requestLog = log.child({ requestId });
    res.locals['log'] = requestLog;
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const reason: unknown = res.locals['reason'];
      requestLog.info('request', {
        method: req.method,
        path: req.originalUrl.split('?')[0],
        status: res.statusCode,
        ms: Math.round(ms * 100) / 100,
        ...(typeof reason === 'string' ? { reason } : {}),
      });
    });
    next();
  };
}

/** The request's logger (with its request id); falls back to `fallback` outside a request. */
export function requestLog(res: Response, fallback: Logger): Logger {
  const value: unknown = res.locals['log'];
  return isLogger(value) ? value : fallback;
}

function isLogger(value: unknown): value is Logger {
  return typeof value === 'object' && value !== null && 'child' in value && 'info' in value;
}

/** Why this request was refused, for its access line (never for the caller). */
export function logReason(res: Response, reason: string): void {
  res.locals['reason'] = reason;
}

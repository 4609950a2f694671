import type { NextFunction, Request, Response } from 'express';
import { ConflictError, DuplicateError, InvalidItemError, NotFoundError, SyncingError, UnavailableError } from '../../store/errors';
import { ZodError } from 'zod';
import { BindingTakenError, type BindingField } from '../../services/bindings';
import { ForbiddenError, InvalidPageTokenError, NoAccessToUnitError, NotVisibleError, RuleError, UpstreamUnavailableError } from '../../services/errors';
import type { Logger } from '../log';
import { ruleWords, type Language } from '../../domain';
import { resourcesOf } from '../field-labels';
import { ApiProblem, isProblemCode, problem, problemForStatus, sendProblem, type Wording } from '../problems';
import { zodProblem } from '../validate';
import { represent } from '../presenters/item';
import { requestLog } from './request-context';

/** What a channel or meeting linked to a unit the caller may not see is called, in the detail. */
const noAccessWords = {
  channel: { sv: 'Kanalen är kopplad till en enhet som du inte har behörighet till.', en: 'The channel is linked to a unit you have no access to.' },
  meeting: { sv: 'Mötet är kopplat till en enhet som du inte har behörighet till.', en: 'The meeting is linked to a unit you have no access to.' },
} as const;

/**
 * Translates every error into one problem from the catalogue, in one place: ApiProblem as is,
 * the store's typed errors, body-parser's errors; anything else is a 500 whose details go to the
 * log (redacted), never to the caller.
 */
export function toProblem(error: unknown): ApiProblem | undefined {
  if (error instanceof ApiProblem) return error;
  if (error instanceof NotVisibleError) return problem('notFound');
  if (error instanceof NoAccessToUnitError) return problem('noAccessToUnit', { detail: noAccessWords[error.what] });
  if (error instanceof ForbiddenError) return problem('forbidden', { detail: error.reason });
  if (error instanceof RuleError) {
    return problem(isProblemCode(error.code) ? error.code : 'ruleViolation', { field: error.field, detail: error.message, reason: error.words });
  }
  if (error instanceof BindingTakenError) return problem('bindingTaken', { field: error.field, detail: takenDetail(error), holder: error.holder });
  if (error instanceof ZodError) return zodProblem(error);
  if (error instanceof NotFoundError) return problem('notFound');
  if (error instanceof ConflictError) {
    const current: unknown = error.current ? represent(error.current) : undefined;
    return problem('conflict', { detail: { sv: 'Någon annan har ändrat uppgiften sedan du läste den.', en: 'Someone else changed the item after you read it.' }, ...(current ? { current } : {}) });
  }
  if (error instanceof InvalidItemError) {
    return problem('invalidBody', { field: error.field, detail: error.reason, reason: ruleWords(error.reason) ?? { sv: error.reason, en: error.reason } });
  }
  if (error instanceof DuplicateError) return problem('duplicate', { field: error.field });
  if (error instanceof SyncingError) {
    return problem('syncing', { detail: { sv: 'Servern läser in listorna för första gången.', en: 'This server is reading the lists for the first time.' }, retryAfterSeconds: error.retryAfterSeconds ?? 2 });
  }
  if (error instanceof UnavailableError) {
    return problem('unavailable', error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {});
  }
  if (error instanceof UpstreamUnavailableError) {
    return problem('unavailable', {
      detail: {
        sv: `${error.upstream} svarar inte just nu (${error.reason}). Försök igen om en stund, eller välj registrets JSON som fil.`,
        en: `${error.upstream} does not answer right now (${error.reason}). Try again in a moment, or choose the register's JSON as a file.`,
      },
      retryAfterSeconds: 30,
    });
  }
  if (error instanceof InvalidPageTokenError) return problem('invalidQuery', { field: 'pageToken', detail: 'pageToken: not a token of this list' });
  // broken percent-encoding in a path parameter: the router could not decode it
  if (error instanceof URIError) return problem('invalidPath', { detail: 'The path is not valid percent-encoding' });
  const type = bodyParserType(error);
  if (type === 'entity.too.large') return problem('payloadTooLarge', { detail: { sv: `Begäran är större än ${sizeOf(error)}.`, en: `The request is larger than ${sizeOf(error)}.` } });
  if (type === 'entity.parse.failed') return problem('malformedJson');
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') return problem('unsupportedMediaType');
  const status = clientErrorStatus(error);
  return status === undefined ? undefined : problemForStatus(status);
}

/** The status of an error that express' own parts (router, body-parser, static) mean for the client: a 4xx they expose. */
function clientErrorStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('expose' in error) || error.expose !== true) return undefined;
  const status = 'status' in error ? error.status : 'statusCode' in error ? error.statusCode : undefined;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

const bound: Readonly<Record<BindingField, string>> = {
  channelId: 'Kanalen är redan kopplad till',
  teamsMeetingId: 'Teams-mötet är redan kopplat till',
  chatId: 'Chatten är redan kopplad till',
};

/** "Kanalen är redan kopplad till Lindgymnasiet. ...", naming what the caller may be told. */
function takenDetail(error: BindingTakenError): string {
  const { unitName, meetingTitle } = error.holder;
  const where = unitName ?? 'huvudmannens nivå';
  const holder = meetingTitle !== undefined ? `mötet ”${meetingTitle}” (${where})` : error.field === 'channelId' ? where : `ett möte i ${where}`;
  return `${bound[error.field]} ${holder}. Bara förvaltningen kan flytta kopplingen.`;
}

/** body-parser's limit of a too large body, for people: "100 kB", "5 MB". */
function sizeOf(error: unknown): string {
  const limit = typeof error === 'object' && error !== null && 'limit' in error && typeof error.limit === 'number' ? error.limit : undefined;
  if (limit === undefined) return 'the limit';
  return limit >= 1024 * 1024 ? `${Math.round(limit / (1024 * 1024))} MB` : `${Math.round(limit / 1024)} kB`;
}

function bodyParserType(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'type' in error && typeof error.type === 'string') return error.type;
  return undefined;
}

/** The language a request reads (Accept-Language: Swedish unless English is preferred), and its route's resources. */
export function wordingOf(req: Request): Wording {
  const preferred = req.acceptsLanguages('sv', 'en');
  const language: Language = preferred === 'en' ? 'en' : 'sv';
  const route: unknown = req.route;
  const path = typeof route === 'object' && route !== null && 'path' in route && typeof route.path === 'string' ? route.path : req.path;
  return { language, resources: resourcesOf(path) };
}

export function errorHandler(log: Logger) {
  return function errorStep(error: unknown, req: Request, res: Response, next: NextFunction): void {
    if (res.headersSent) {
      next(error);
      return;
    }
    const known = toProblem(error);
    if (known) {
      sendProblem(res, known, wordingOf(req));
      return;
    }
    const name = error instanceof Error ? error.name : typeof error;
    const message = error instanceof Error ? error.message : '';
    requestLog(res, log).error('unhandled', { error: name, message });
    sendProblem(res, problem('internal'));
  };
}

/** The last step of /api: an API path that no route answered. */
export function apiNotFound(_req: Request, res: Response): void {
  sendProblem(res, problem('notFound'));
}

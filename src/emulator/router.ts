import { randomUUID } from 'node:crypto';
import { badRequest, errorBody, GraphError, itemNotFound, methodNotAllowed, segmentNotFound, unavailable } from './errors';
import { ConnectionReset } from './faults';
import { json, type EmulatorRequest, type EmulatorResponse, type RouterContext } from './http-types';
import { itemRoutes } from './routes-items';
import { listCollection, listRoutes } from './routes-lists';
import { renderSite } from './shapes';

/**
 * Answers one request (top level or inside a $batch): counts it for the fault switches, routes
 * it, and turns any GraphError into Graph's error body.
 */
export async function handle(context: RouterContext, request: EmulatorRequest): Promise<EmulatorResponse> {
  const requestId = randomUUID();
  const clientRequestId = request.headers['client-request-id'] ?? requestId;
  const ids = { 'request-id': requestId, 'client-request-id': clientRequestId };
  try {
    const fault = context.faults.next(request.url);
    if (fault) throw fault;
    const response = await dispatch(context, request);
    const lost = writes.has(request.method) && response.status < 400 ? context.faults.afterWrite() : undefined;
    if (lost === 'reset') throw new ConnectionReset('the answer of an applied write was lost');
    if (lost === 'unavailable') throw unavailable();
    return { ...response, headers: { ...ids, ...response.headers } };
  } catch (error) {
    if (error instanceof ConnectionReset) throw error;
    if (!(error instanceof GraphError)) console.error('lists emulator: unexpected error', error);
    const graphError = error instanceof GraphError ? error : new GraphError(500, 'generalException', 'General exception while processing');
    return json(graphError.status, errorBody(graphError, requestId, clientRequestId), { ...ids, ...graphError.headers });
  }
}

const writes = new Set(['POST', 'PATCH', 'DELETE']);

async function dispatch(context: RouterContext, request: EmulatorRequest): Promise<EmulatorResponse> {
  const questionMark = request.url.indexOf('?');
  const path = questionMark < 0 ? request.url : request.url.slice(0, questionMark);
  const query = new URLSearchParams(questionMark < 0 ? '' : request.url.slice(questionMark + 1));
  let segments: string[];
  try {
    segments = path.split('/').filter(Boolean).map((segment) => decodeURIComponent(segment));
  } catch {
    throw badRequest(`Invalid URL '${path}'.`);
  }
  const [root, siteRef, collection, listRef, ...rest] = segments;
  if (root !== 'sites') throw segmentNotFound(root ?? '');
  if (siteRef === undefined) throw methodNotAllowed();
  if (!isThisSite(context, siteRef)) throw itemNotFound('Requested site could not be found');
  if (collection === undefined) {
    if (request.method !== 'GET') throw methodNotAllowed();
    return json(200, renderSite(context.site));
  }
  if (collection !== 'lists') throw segmentNotFound(collection);
  if (listRef === undefined) return listCollection(context, request, query);
  const list = context.state.findList(listRef);
  const route = { context, request, list, query };
  if (rest[0] === 'items') return itemRoutes({ ...route, rest: rest.slice(1) });
  return listRoutes({ ...route, rest });
}

function isThisSite(context: RouterContext, ref: string): boolean {
  const lower = ref.toLowerCase();
  return lower === 'root' || lower === context.site.siteId.toLowerCase() || lower === context.site.hostname.toLowerCase();
}

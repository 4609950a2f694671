import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { runBatch } from './batch';
import { badRequest, errorBody, GraphError } from './errors';
import type { EmulatorResponse, RouterContext } from './http-types';
import { ConnectionReset } from './faults';
import { handle } from './router';

const maxBodyBytes = 16 * 1024 * 1024;

/** The HTTP front: `/v1.0/...` to the router, `/v1.0/$batch` to the batch runner; latency once per request. */
export function createEmulatorServer(context: RouterContext): Server {
  return createServer((request, response) => {
    void serve(context, request, response);
  });
}

async function serve(context: RouterContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
  context.faults.countRoundTrip();
  let result: EmulatorResponse;
  try {
    result = await answer(context, request);
  } catch (error) {
    if (error instanceof ConnectionReset) {
      // the write was applied (and is on disk); its answer never arrives
      response.destroy();
      return;
    }
    const graphError = error instanceof GraphError ? error : new GraphError(500, 'generalException', 'General exception while processing');
    const id = randomUUID();
    result = { status: graphError.status, headers: { 'Content-Type': 'application/json', ...graphError.headers }, body: errorBody(graphError, id, id) };
  }
  const latency = context.faults.latencyMs;
  if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
  const payload = result.body === undefined ? undefined : JSON.stringify(result.body);
  response.writeHead(result.status, result.headers);
  response.end(payload);
}

async function answer(context: RouterContext, request: IncomingMessage): Promise<EmulatorResponse> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === 'string') headers[name] = value;
    else if (Array.isArray(value)) headers[name] = value.join(', ');
  }
  const body = await readBody(request);
  const rawUrl = request.url ?? '/';
  const match = /^\/v1\.0(\/.*)?$/.exec(rawUrl.startsWith('/v1.0?') ? rawUrl.replace('?', '/?') : rawUrl);
  if (!match) throw badRequest(`Invalid version: the emulator serves /v1.0, not '${rawUrl}'.`);
  const url = match[1] ?? '/';
  const method = (request.method ?? 'GET').toUpperCase();
  if (/^\/\$batch\/?(\?.*)?$/i.test(url)) {
    if (method !== 'POST') throw badRequest('A batch request must be a POST.');
    const batch = await runBatch(body, (inner) => handle(context, inner));
    const id = randomUUID();
    return { ...batch, headers: { ...batch.headers, 'request-id': id, 'client-request-id': headers['client-request-id'] ?? id } };
  }
  return handle(context, { method, url, headers, body });
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBodyBytes) throw badRequest('The request body is too large.');
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badRequest('Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.');
  }
}

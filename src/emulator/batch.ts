import { randomUUID } from 'node:crypto';
import { badRequest, errorBody, failedDependency } from './errors';
import { json, type EmulatorRequest, type EmulatorResponse } from './http-types';

/** Graph's limit on the requests in one JSON batch. */
export const maxBatchRequests = 20;

interface BatchStep {
  readonly id: string;
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: unknown;
  readonly dependsOn: readonly string[];
}

/**
 * `POST /$batch`: runs each inner request through `run` (the same router, faults included).
 * Requests without `dependsOn` run concurrently, as in Graph, so their writes share an fsync;
 * a request waits for its dependencies and answers 424 without running when one of them failed.
 */
export async function runBatch(body: unknown, run: (request: EmulatorRequest) => Promise<EmulatorResponse>): Promise<EmulatorResponse> {
  const steps = parseSteps(body);
  const running = new Map<string, Promise<EmulatorResponse>>();
  for (const step of steps) {
    const dependencies = step.dependsOn.map((id) => running.get(id) as Promise<EmulatorResponse>);
    running.set(step.id, (async () => {
      const settled = await Promise.all(dependencies);
      if (settled.some((response) => response.status >= 400)) {
        return json(424, errorBody(failedDependency(), randomUUID(), step.headers['client-request-id'] ?? randomUUID()));
      }
      return run({ method: step.method, url: step.url, headers: step.headers, body: step.body });
    })());
  }
  const responses = await Promise.all(steps.map(async (step) => {
    const response = await (running.get(step.id) as Promise<EmulatorResponse>);
    const entry: Record<string, unknown> = { id: step.id, status: response.status, headers: response.headers };
    if (response.body !== undefined) entry['body'] = response.body;
    return entry;
  }));
  return json(200, { responses });
}

function parseSteps(body: unknown): BatchStep[] {
  const requests = (body as { requests?: unknown } | undefined)?.requests;
  if (!Array.isArray(requests) || requests.length === 0) throw badRequest('Invalid batch payload format.');
  if (requests.length > maxBatchRequests) throw badRequest(`Number of batch request steps exceeds the maximum of ${maxBatchRequests}.`);
  const seen = new Set<string>();
  return requests.map((raw: unknown) => {
    const step = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const { id, method, url } = step;
    if (typeof id !== 'string' || id === '' || typeof method !== 'string' || typeof url !== 'string') {
      throw badRequest('Invalid batch payload format: every request needs an id, a method and a url.');
    }
    if (seen.has(id)) throw badRequest(`Batch request ids must be unique: '${id}' appears twice.`);
    const dependsOn = step['dependsOn'] ?? [];
    if (!Array.isArray(dependsOn) || !dependsOn.every((dep) => typeof dep === 'string' && seen.has(dep))) {
      throw badRequest(`Request '${id}' depends on a request that is not before it in the batch.`);
    }
    seen.add(id);
    const headers: Record<string, string> = {};
    const rawHeaders = step['headers'];
    if (typeof rawHeaders === 'object' && rawHeaders !== null) {
      for (const [name, value] of Object.entries(rawHeaders)) if (typeof value === 'string') headers[name.toLowerCase()] = value;
    }
    return { id, method: method.toUpperCase(), url: relativeUrl(url), headers, body: step['body'], dependsOn: dependsOn as string[] };
  });
}

/** Inner urls are relative to the version root: `/sites/...` or `sites/...`. */
function relativeUrl(url: string): string {
  const withoutOrigin = url.replace(/^https?:\/\/[^/]+/i, '');
  const withoutVersion = withoutOrigin.replace(/^\/?v1\.0(?=\/|$)/, '');
  const path = withoutVersion.startsWith('/') ? withoutVersion : `/${withoutVersion}`;
  if (/^\/\$batch/i.test(path)) throw badRequest('A batch request cannot contain another batch.');
  return path;
}

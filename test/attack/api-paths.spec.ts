/**
 * Malformed and hostile paths: each is a 4xx problem+json, says nothing about the server's
 * insides, and costs one log line, signed in or not.
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../api/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.server.stop();
});

interface RawAnswer {
  readonly status: number;
  readonly contentType: string | undefined;
  readonly body: string;
}

/** Sends the path exactly as written (fetch would normalize it). */
function raw(path: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  const { hostname, port } = new URL(h.url);
  return new Promise((resolve, reject) => {
    const request = httpRequest({ hostname, port, path, method: 'GET', headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, contentType: response.headers['content-type'], body: Buffer.concat(chunks).toString('utf8') }));
    });
    request.on('error', reject);
    request.end();
  });
}

/** What an answer may never hold: the names and words of the code behind it. */
const internals = /URIError|decodeURIComponent|Failed to decode|at [\w.<>]+ \(|node_modules|Error:|stack/;

const paths: readonly [string, number][] = [
  ['/api/units/%ZZ', 400],
  ['/api/units/%ZZ/overview', 400],
  ['/api/units/%E0%A4%A', 400],
  ['/api/units/%', 400],
  ['/api/actions/%ZZ', 400],
  ['/api/meetings/%C0%AF/live', 400],
  ['/api/meetings/1/agenda/%ZZ', 400],
  ['/api/meetings/by-teams-id/%ZZ', 400],
  ['/api/units/..%2f..%2fetc%2fpasswd', 401],
  ['/api/%2e%2e/%2e%2e/etc/passwd', 404],
  ['/api/units/%252e%252e', 401],
  ['/api/units/%00', 401],
  ['/api/actions/-1', 401],
  [`/api/units/${'a'.repeat(8_000)}`, 401],
  ['/api/nothing/here', 404],
  ['/dev-idp/%ZZ', 404],
];

describe('malformed paths', () => {
  it.each(paths)('%s → %i problem+json, no internals, one log line', async (path, status) => {
    const requestId = `paths-${Math.random().toString(36).slice(2)}`;
    const answer = await raw(path, { 'x-request-id': requestId });
    expect(answer.status).toBe(status);
    expect(answer.contentType).toMatch(/^application\/problem\+json/);
    expect(answer.body).not.toMatch(internals);
    expect(JSON.parse(answer.body)).toMatchObject({ status });
    expect(h.logLines.filter((line) => line.includes(requestId))).toHaveLength(1);
  });

  it('answers a broken path the same with a valid token (the token changes nothing)', async () => {
    const token = await h.token('admin');
    const answer = await raw('/api/units/%ZZ', { authorization: `Bearer ${token}` });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'invalidPath' });
  });

  it('logs no stack and no internal error for any of them', () => {
    expect(h.logLines.filter((line) => line.includes('"level":"error"'))).toEqual([]);
  });
});

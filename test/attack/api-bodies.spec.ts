/**
 * Bodies are read only for someone the route lets in: an anonymous or refused upload is answered
 * while it is still being sent, before a byte of it is parsed, whatever its size.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BJORKSKOLAN, startHarness, type Harness } from '../api/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.server.stop();
});

interface SlowUpload {
  /** the answer, if it came while the body was still being sent */
  readonly early?: { readonly status: number; readonly contentType: string | undefined; readonly body: string };
  /** bytes written before the answer came (or before giving up) */
  readonly sent: number;
}

/**
 * Starts a large upload, writes its first 64 kB, then waits up to `waitMs` for an answer without
 * sending the rest: a server that reads the body first cannot answer in that time.
 */
function slowUpload(path: string, headers: Record<string, string>, declaredBytes: number, waitMs = 3_000): Promise<SlowUpload> {
  const url = new URL(path, h.url);
  return new Promise((resolve, reject) => {
    let sent = 0;
    const request = httpRequest(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(declaredBytes), ...headers } });
    const giveUp = setTimeout(() => {
      request.destroy();
      resolve({ sent });
    }, waitMs);
    request.on('response', (response: IncomingMessage) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        clearTimeout(giveUp);
        request.destroy();
        resolve({ early: { status: response.statusCode ?? 0, contentType: response.headers['content-type'], body: Buffer.concat(chunks).toString('utf8') }, sent });
      });
    });
    request.on('error', (error) => {
      // the server may close the connection after answering; an answer already resolved
      if (!('code' in error) || (error as { code?: string }).code !== 'ECONNRESET') reject(error);
    });
    const first = Buffer.alloc(64 * 1024, 'a');
    first.write('{"kind":"kolada","csv":"');
    request.write(first);
    sent += first.length;
  });
}

describe('request bodies and authentication', () => {
  it('refuses an anonymous 5 MB import with 401 before the body is read', async () => {
    const upload = await slowUpload('/api/organizer/imports/preview', {}, 5 * 1024 * 1024);
    expect(upload.early?.status).toBe(401);
    expect(upload.early?.contentType).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(upload.early?.body ?? '{}')).toMatchObject({ code: 'unauthenticated' });
    expect(upload.sent).toBeLessThan(5 * 1024 * 1024);
  });

  it('refuses an anonymous commit and any anonymous write the same way, however large the body says it is', async () => {
    const unitId = await h.unitId(BJORKSKOLAN);
    for (const path of ['/api/organizer/imports', `/api/units/${unitId}/actions`, `/api/units/${unitId}/analyses`]) {
      const upload = await slowUpload(path, {}, 4 * 1024 * 1024);
      expect({ path, status: upload.early?.status }).toEqual({ path, status: 401 });
    }
  });

  it('refuses a signed-in user without the permission (403) before reading their upload', async () => {
    const token = await h.token('staff-bjork');
    const upload = await slowUpload('/api/organizer/imports/preview', { authorization: `Bearer ${token}` }, 5 * 1024 * 1024);
    expect(upload.early?.status).toBe(403);
    expect(JSON.parse(upload.early?.body ?? '{}')).toMatchObject({ code: 'forbidden' });
  });

  it('reads the whole body for someone who may import (the control: the wait is long enough to tell)', async () => {
    const token = await h.token('admin');
    const upload = await slowUpload('/api/organizer/imports/preview', { authorization: `Bearer ${token}` }, 5 * 1024 * 1024, 1_500);
    expect(upload.early).toBeUndefined();
  });
});

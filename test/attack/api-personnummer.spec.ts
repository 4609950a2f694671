/**
 * Every form of a personnummer people type (the domain's corpus), in every free-text field of
 * every write route: the 400 problem personalIdentityNumber naming the field, the number never
 * echoed, nothing stored. A field is free text unless its route names its shape as fixed, so a new
 * text field is walked without being listed. The legitimate numbers (phones, dates, diarienummer,
 * organisationsnummer) in the same fields are taken.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { legitimate, personalIdentityNumbers } from '../../src/domain/testing/personal-identity-corpus';
import type { Harness, TestResponse } from '../api/harness';
import { routeOf, snapshot, startWalk, writeRoutes, type Prepared, type WalkContext } from './write-routes';

let h: Harness;
let c: WalkContext;
beforeAll(async () => {
  c = await startWalk();
  h = c.h;
});
afterAll(async () => {
  await h?.server.stop();
});

type Path = readonly (string | number)[];

/** The dotted paths of every string in a body. */
function stringPaths(value: unknown, path: Path = []): Path[] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((item, index) => stringPaths(item, [...path, index]));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, item]) => stringPaths(item, [...path, key]));
  return [];
}

function withValue(value: unknown, path: Path, text: string): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return text;
  if (Array.isArray(value)) return value.map((item, index) => (index === head ? withValue(item, rest, text) : item));
  const record = value as Record<string, unknown>;
  return { ...record, [head]: withValue(record[head], rest, text) };
}


function send(key: string, prepared: Prepared, body: unknown): Promise<TestResponse> {
  const route = writeRoutes[key];
  return h.request(routeOf(key).method, prepared.path, {
    persona: route?.allowed ?? 'admin', body, ...(prepared.ifMatch !== undefined ? { headers: { 'if-match': prepared.ifMatch } } : {}),
  });
}

/** The free-text fields of a route's body: every string that is not of a fixed shape. */
async function freeTextOf(key: string): Promise<{ prepared: Prepared; fields: string[] }> {
  const route = writeRoutes[key];
  if (!route) throw new Error(`no request for ${key}`);
  const prepared = await route.prepare(c);
  const fields = stringPaths(prepared.body).map((path) => path.join('.')).filter((field) => !route.fixed.includes(field));
  return { prepared, fields };
}

const keys = Object.keys(writeRoutes).sort();

describe.each(keys)('%s', (key) => {
  it('refuses every form of a personnummer in each free-text field, naming the field, storing nothing', async () => {
    const { prepared, fields } = await freeTextOf(key);
    const before = await snapshot(h);
    for (const field of fields) {
      const path = field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
      // eight at a time: every form, bounded
      for (let start = 0; start < personalIdentityNumbers.length; start += 8) {
        const batch = personalIdentityNumbers.slice(start, start + 8);
        const answers = await Promise.all(batch.map(([text]) => send(key, prepared, withValue(prepared.body, path, text))));
        answers.forEach((answer, index) => {
          const [text, found] = batch[index] ?? ['', ''];
          expect({ field, text, status: answer.status, code: answer.body['code'], named: answer.body['field'] })
            .toEqual({ field, text, status: 400, code: 'personalIdentityNumber', named: field });
          expect(answer.text).not.toContain(found);
        });
      }
    }
    expect(await snapshot(h)).toEqual(before);
  });

  it('takes the numbers that are no personnummer in the same fields', async () => {
    const { fields } = await freeTextOf(key);
    for (const [index, field] of fields.entries()) {
      const text = legitimate[(index * 7) % legitimate.length] ?? 'Ring 0414-81 95 06';
      const { prepared } = await freeTextOf(key);
      const path = field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
      const answer = await send(key, prepared, withValue(prepared.body, path, text));
      expect({ field, text, status: answer.status < 300 ? 'taken' : answer.status }).toEqual({ field, text, status: 'taken' });
    }
  });
});

describe('the walk', () => {
  it('finds the free-text fields of the write routes', async () => {
    const found = (await Promise.all(keys.map(async (key) => (await freeTextOf(key)).fields.map((field) => `${key} ${field}`)))).flat();
    // titles, descriptions, names, notes, decisions, answers, questions, points, group labels, ...
    expect(found.length).toBeGreaterThanOrEqual(50);
    for (const expected of ['post /units/:unitId/actions ownerName', 'put /meetings/:id/participants participant.displayName', 'put /meetings/:id/responses/me answers.0.text', 'post /units/:unitId/measurements groups.0.group']) {
      expect(found).toContain(expected);
    }
  });
});

describe('imports', () => {
  it('refuse a results file with a personnummer in any cell, in any form: the preview says where, the commit stores nothing', async () => {
    const before = await snapshot(h);
    for (const [text, found] of personalIdentityNumbers.slice(0, 12)) {
      const csv = `kpi;ou;period;value;note\nN15419;${c.schoolUnitCode};2027;81,5;${text}\n`;
      const preview = await h.request('POST', '/api/organizer/imports/preview', { persona: 'admin', body: { kind: 'kolada', csv } });
      expect(preview.status).toBe(200);
      expect(JSON.stringify(preview.body['errors'])).toMatch(/personnummer/);
      expect(preview.text).not.toContain(found);
      const commit = await h.request('POST', '/api/organizer/imports', { persona: 'admin', body: { kind: 'kolada', csv } });
      expect(commit.status).toBe(400);
      expect(commit.text).not.toContain(found);
    }
    expect(await snapshot(h)).toEqual(before);
  });
});

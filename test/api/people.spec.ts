import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONA_USER_IDS } from '../../src/auth/personas';
import { BJORKSKOLAN, LINDGYMNASIET, startHarness, type Harness } from './harness';

let h: Harness;
let bjork: string;
let lind: string;
beforeAll(async () => {
  h = await startHarness();
  bjork = await h.unitId(BJORKSKOLAN);
  lind = await h.unitId(LINDGYMNASIET);
});
afterAll(async () => {
  await h?.server.stop();
});

describe('GET /api/units/:unitId/people', () => {
  it('answers the unit\'s principals and its staff group\'s members, by name', async () => {
    const response = await h.request('GET', `/api/units/${bjork}/people`, { persona: 'principal-bjork' });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.body).toEqual({
      items: [
        { userId: PERSONA_USER_IDS.principalBjork, name: 'Cecilia Ek', roles: ['principal'] },
        { userId: PERSONA_USER_IDS.staffBjork, name: 'Elin Berg', roles: ['staff'] },
      ],
    });
  });

  it('names a principal who is no persona from the seed', async () => {
    const tallasen = await h.unitId('Tallåsens skola 7–9');
    const response = await h.request('GET', `/api/units/${tallasen}/people`, { persona: 'admin' });
    expect(response.status).toBe(200);
    expect(response.body['items']).toEqual([{ userId: '1a000000-0000-4000-8000-000000000009', name: 'Ivar Lund', roles: ['principal'] }]);
  });

  it('lets the board read it', async () => {
    const response = await h.request('GET', `/api/units/${lind}/people`, { persona: 'board' });
    expect(response.status).toBe(200);
    expect((response.body['items'] as { name: string }[]).map((person) => person.name)).toEqual(['David Sjöberg', 'Farid Haddad']);
  });

  it('answers 404 to staff of another unit, exactly as for a missing unit', async () => {
    const other = await h.request('GET', `/api/units/${lind}/people`, { persona: 'staff-bjork' });
    const missing = await h.request('GET', '/api/units/987654/people', { persona: 'staff-bjork' });
    expect(other.status).toBe(404);
    expect(other.body).toEqual(missing.body);
    expect(other.text).not.toContain('Farid');
  });

  it('needs a signed-in user', async () => {
    const response = await h.request('GET', `/api/units/${bjork}/people`);
    expect(response.status).toBe(401);
  });
});

import { describe, expect, it } from 'vitest';
import { lists, type Entities } from '../lists/lists';
import { createMemoryStore } from '../store/memory-store';
import { InvalidPageTokenError } from './errors';
import { withSealedPageTokens } from './sealed-page-tokens';

const actor = { actor: '1a000000-0000-4000-8000-000000000001' };

async function storeWithGoals() {
  const inner = createMemoryStore<Entities>(lists);
  for (let i = 0; i < 5; i++) {
    await inner.create('goals', { title: `Mål ${i}`, level: 'unit', unitId: i < 3 ? '1' : '2', schoolYear: '2026/27' }, actor);
  }
  return inner;
}

describe('withSealedPageTokens', () => {
  const ofUnit = (unitId: string) => ({ filter: [{ field: 'unitId', op: 'eq' as const, value: unitId }], top: 1 });

  it('pages with its own tokens', async () => {
    const store = withSealedPageTokens<Entities>(await storeWithGoals(), { key: 'k'.repeat(32) });
    const first = await store.query('goals', ofUnit('1'));
    expect(first.nextPageToken).toMatch(/\./);
    const second = await store.query('goals', { ...ofUnit('1'), pageToken: first.nextPageToken ?? '' });
    expect(second.items[0]?.id).not.toBe(first.items[0]?.id);
  });

  it('refuses a token with another filter, a tampered token and a bare store token', async () => {
    const inner = await storeWithGoals();
    const store = withSealedPageTokens<Entities>(inner, { key: 'k'.repeat(32) });
    const first = await store.query('goals', ofUnit('1'));
    const token = first.nextPageToken ?? '';
    await expect(store.query('goals', { ...ofUnit('2'), pageToken: token })).rejects.toBeInstanceOf(InvalidPageTokenError);
    await expect(store.query('goals', { ...ofUnit('1'), pageToken: `9${token}` })).rejects.toBeInstanceOf(InvalidPageTokenError);
    const bare = (await inner.query('goals', ofUnit('1'))).nextPageToken ?? '';
    await expect(store.query('goals', { ...ofUnit('1'), pageToken: bare })).rejects.toBeInstanceOf(InvalidPageTokenError);
  });

  it('refuses a token sealed with another key', async () => {
    const inner = await storeWithGoals();
    const token = (await withSealedPageTokens<Entities>(inner, { key: 'a'.repeat(32) }).query('goals', ofUnit('1'))).nextPageToken ?? '';
    await expect(withSealedPageTokens<Entities>(inner, { key: 'b'.repeat(32) }).query('goals', { ...ofUnit('1'), pageToken: token })).rejects.toBeInstanceOf(InvalidPageTokenError);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { prefetch, takePrefetched } from './prefetch';

describe('prefetch', () => {
  it('starts a read once and hands it out once', async () => {
    const load = vi.fn(async () => 42);
    prefetch('overview:1', load);
    prefetch('overview:1', load);
    expect(load).toHaveBeenCalledTimes(1);
    await expect(takePrefetched<number>('overview:1')).resolves.toBe(42);
    expect(takePrefetched('overview:1')).toBeUndefined();
  });
});

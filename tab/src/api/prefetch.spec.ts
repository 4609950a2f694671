import { describe, expect, it, vi } from 'vitest';
import type { Unit } from '../../../src/contract';
import { item } from '../testing/render';
import { prefetch, takePrefetched } from './prefetch';

const unit: Unit = item('1', { name: 'Björkskolan F–6', type: 'grundskola', schoolUnitCode: '91234501', principalIds: [] });

describe('prefetch', () => {
  it('starts a read once and hands it out once', async () => {
    const load = vi.fn(async () => unit);
    prefetch('unit', '1', load);
    prefetch('unit', '1', load);
    expect(load).toHaveBeenCalledTimes(1);
    await expect(takePrefetched('unit', '1')).resolves.toBe(unit);
    expect(takePrefetched('unit', '1')).toBeUndefined();
  });

  it('keeps each kind of read apart: a unit started is not an overview', async () => {
    prefetch('unit', '2', async () => unit);
    expect(takePrefetched('overview', '2')).toBeUndefined();
    await expect(takePrefetched('unit', '2')).resolves.toBe(unit);
  });
});

import { describe, expect, it } from 'vitest';
import type { StoredItem } from '../port';
import { ChangeLog } from './change-log';

const at = '2026-03-15T12:00:00Z';
const item = (id: string, n: number): StoredItem<{ n: number }> => ({ id, etag: `"{0},${n}"`, fields: { n }, createdAt: at, modifiedAt: at });

describe('ChangeLog', () => {
  it('gives each id changed after a version once, with the item as it was at that version', () => {
    const log = new ChangeLog<{ n: number }>(10);
    log.record(1, 'a', undefined);
    log.record(2, 'b', undefined);
    log.record(3, 'a', item('a', 1));
    log.record(4, 'a', item('a', 2));
    log.record(5, 'b', item('b', 1));
    expect(log.since(5, 5)).toEqual(new Map());
    expect(log.since(2, 5)).toEqual(new Map([['a', item('a', 1)], ['b', item('b', 1)]]));
    expect(log.since(3, 5)).toEqual(new Map([['a', item('a', 2)], ['b', item('b', 1)]]));
    expect(log.since(0, 5)).toEqual(new Map([['a', undefined], ['b', undefined]]));
  });

  it('answers undefined for a version older than the changes it holds, or one the list never had', () => {
    const log = new ChangeLog<{ n: number }>(2);
    for (let version = 1; version <= 5; version++) log.record(version, String(version), undefined);
    // five changes at a capacity of two: it kept the last two and dropped those up to version 3
    expect(log.since(2, 5)).toBeUndefined();
    expect(log.since(3, 5)).toEqual(new Map([['4', undefined], ['5', undefined]]));
    expect(log.since(6, 5)).toBeUndefined();
    expect(log.since(3.5, 5)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import type { Measurement, ResultImport, ResultImportState } from '../domain';
import type { StoredItem } from '../store/port';
import { resultsAsSeen, seeingIn } from './counted-results';

const at = '2027-03-01T08:00:00Z';
const item = <T>(id: string, fields: T): StoredItem<T> => ({ id, etag: `"{${id}},1"`, fields, createdAt: at, modifiedAt: at });
const result = (id: string, fields: Partial<Measurement> = {}) =>
  item<Measurement>(id, { indicatorId: '1', unitId: '2', period: '2026/27', schoolYear: '2026/27', value: 80, ...fields });

/** A view whose ResultImports list holds the given imports (job id → state). */
function viewWith(imports: Record<string, ResultImportState>) {
  const items = Object.entries(imports).map(([jobId, state], n) => item<ResultImport>(String(100 + n), { jobId, state, changedAt: at }));
  return { all: () => items };
}

describe('resultsAsSeen', () => {
  const typed = result('1', { value: 70 });
  const created = result('2', { value: 91, importId: '50' });
  const changed = result('3', { value: 88, groups: [{ group: 'Flickor', value: 90 }], importId: '50', beforeImport: { value: 75, groups: [{ group: 'Flickor', value: 77 }] } });
  const changedWithoutGroups = result('4', { value: 60, groups: [{ group: 'Pojkar', value: 61 }], importId: '50', beforeImport: { value: 55 } });

  it('hides what a running import created and shows the value and groups from before of what it changed', () => {
    const seen = resultsAsSeen(viewWith({ 50: 'running' }), [typed, created, changed, changedWithoutGroups]);
    expect(seen.map((m) => [m.id, m.fields.value, m.fields.groups])).toEqual([
      ['1', 70, undefined],
      ['3', 75, [{ group: 'Flickor', value: 77 }]],
      ['4', 55, undefined],
    ]);
    // the result as before: no trail of the import, the item's own id and eTag (a correction writes to it)
    expect(seen[1]).toMatchObject({ id: '3', etag: changed.etag });
    expect(seen[1]?.fields).not.toHaveProperty('importId');
    expect(seen[1]?.fields).not.toHaveProperty('beforeImport');
  });

  it('counts every result of a complete import as stored, the same objects', () => {
    const seen = resultsAsSeen(viewWith({ 50: 'done' }), [typed, created, changed]);
    expect(seen.map((m) => m.fields.value)).toEqual([70, 91, 88]);
    expect(seen[1]).toBe(created);
    expect(seen[0]).toBe(typed);
  });

  it('never counts a failed import\'s results, nor an import it does not know yet', () => {
    for (const view of [viewWith({ 50: 'failed' }), viewWith({}), viewWith({ 51: 'done' })]) {
      expect(resultsAsSeen(view, [typed, created, changed]).map((m) => [m.id, m.fields.value])).toEqual([['1', 70], ['3', 75]]);
    }
  });

  it('decides by each result\'s own import', () => {
    const other = result('5', { value: 12, importId: '49' });
    const see = seeingIn(viewWith({ 49: 'done', 50: 'running' }));
    expect([other, created, changed].map((m) => see(m)?.fields.value)).toEqual([12, undefined, 75]);
  });
});

/**
 * Analysis support through the API: what a unit's analysis looks at beside each result, computed
 * from every unit's results of the period, and who may read it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisSupport, IndicatorPage } from '../../src/contract';
import { PERSONA_USER_IDS } from '../../src/auth/personas';
import { BJORKSKOLAN, LINDGYMNASIET, startHarness, type Harness } from './harness';

let h: Harness;
let bjork: string;
let lind: string;
let indicatorId: string;

beforeAll(async () => {
  h = await startHarness();
  [bjork, lind] = await Promise.all([h.unitId(BJORKSKOLAN), h.unitId(LINDGYMNASIET)]);
  // an indicator of its own, so the demo's results do not decide the numbers
  const created = await h.request('POST', '/api/indicators', {
    persona: 'admin', body: { name: 'Läsförståelse åk 6, egen mätning', source: 'other', unitOfMeasure: 'percent', direction: 'higherIsBetter', target: 80, groups: ['Flickor', 'Pojkar'] },
  });
  expect(created.status, created.text).toBe(201);
  indicatorId = String(created.body['id']);
  const units = (await h.started.store.queryAll('units')).filter((u) => u.fields.type === 'grundskola' && u.id !== bjork);
  const write = (unitId: string, period: string, value: number, groups?: { group: string; value: number }[]) =>
    h.started.store.create('measurements', { indicatorId, unitId, period, schoolYear: period.slice(0, 7), value, ...(groups ? { groups } : {}) }, { actor: PERSONA_USER_IDS.admin });
  await write(bjork, '2025/26 HT', 78, [{ group: 'Flickor', value: 80 }, { group: 'Pojkar', value: 76 }]);
  await write(bjork, '2025/26 VT', 72, [{ group: 'Flickor', value: 79 }, { group: 'Pojkar', value: 65 }]);
  for (const [i, unit] of units.entries()) await write(unit.id, '2025/26 VT', 80 + i * 2);
  // the municipality's own value, as Kolada publishes it
  await h.started.store.create('municipalityResults', { indicatorId, municipalityId: '9999', period: '2025/26 VT', schoolYear: '2025/26', value: 81.5, source: 'kolada' }, { actor: PERSONA_USER_IDS.admin });
});
afterAll(async () => {
  await h?.server.stop();
});

describe('analysis support', () => {
  it('gives a unit\'s analysis its value over time, the averages of the period and what stands out', async () => {
    const response = await h.request('GET', `/api/units/${bjork}/analysis-support?period=${encodeURIComponent('2025/26 VT')}`, { persona: 'staff-bjork' });
    expect(response.status, response.text).toBe(200);
    const support = response.body as unknown as AnalysisSupport;
    const mine = support.indicators.find((i) => i.indicator.id === indicatorId);
    expect(mine?.series.map((p) => [p.period, p.value])).toEqual([['2025/26 HT', 78], ['2025/26 VT', 72]]);
    expect(mine?.previous?.period).toBe('2025/26 HT');
    const others = (await h.started.store.queryAll('units')).filter((u) => u.fields.type === 'grundskola' && u.id !== bjork).length;
    expect(mine?.sameType?.units).toBe(others);
    expect(mine?.municipality?.units).toBe(others + 1);
    expect(mine?.koladaMunicipality).toBe(81.5);
    expect(mine?.deviations.map((d) => d.kind)).toEqual(['worseThanLast', 'belowTarget', 'gapGrew', 'belowSameType']);
    expect(mine?.deviations.find((d) => d.kind === 'gapGrew')).toMatchObject({ between: ['Flickor', 'Pojkar'], previousGap: 4, gap: 14 });
  });

  it('leaves out indicators that do not apply to the unit or that it has no result of', async () => {
    const support = (await h.request('GET', `/api/units/${lind}/analysis-support?period=${encodeURIComponent('2025/26 VT')}`, { persona: 'admin' })).body as unknown as AnalysisSupport;
    expect(support.indicators.some((i) => i.indicator.id === indicatorId)).toBe(false);
    const all = (await h.request('GET', '/api/indicators', { persona: 'admin' })).body as unknown as IndicatorPage;
    expect(support.indicators.every((i) => all.items.some((x) => x.id === i.indicator.id))).toBe(true);
  });

  it('is read by those who read the unit, and refuses a period that is not one', async () => {
    expect((await h.request('GET', `/api/units/${bjork}/analysis-support?period=${encodeURIComponent('2025/26 VT')}`, { persona: 'staff-lind' })).status).toBe(404);
    const bad = await h.request('GET', `/api/units/${bjork}/analysis-support?period=hösten`, { persona: 'principal-bjork' });
    expect(bad.status).toBe(400);
    expect(bad.body['field']).toBe('period');
  });
});

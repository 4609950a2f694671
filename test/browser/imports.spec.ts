/**
 * Each file as municipalities have it, uploaded unedited in the tab's import view: Excel's CSV in
 * Windows-1252 and in UTF-8 with a BOM, Kolada's API v2 JSON, Skolverket's CSV and .xlsx with
 * title and note lines. The preview says how the file was read; the commit stores it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorPage } from '../../src/contract';
import { axeViolations, signIn, skipReason, startBrowserHarness, type BrowserHarness } from './harness';

const skip = skipReason({ CI: process.env.CI });
const fixtures = path.join(import.meta.dirname, '..', 'fixtures', 'imports');

describe.skipIf(skip !== null)('importing real-shaped files in the tab', () => {
  let h: BrowserHarness;

  beforeAll(async () => {
    h = await startBrowserHarness();
    // the Kolada files name the indicators by KPI: the administration has set them
    const indicators = await h.api<IndicatorPage>('admin', 'GET', '/api/indicators?top=100');
    const kpis: Record<string, string> = { 'Genomsnittligt meritvärde åk 9': 'N15503', 'Behörighet till yrkesprogram': 'N15428' };
    for (const indicator of indicators.items) {
      const kpi = kpis[indicator.name];
      if (kpi) await h.api('admin', 'PATCH', `/api/indicators/${indicator.id}`, { koladaKpi: kpi }, { 'if-match': indicator.etag });
    }
  }, 120_000);

  afterAll(async () => {
    await h?.close();
  });

  async function uploadAndPreview(name: string, kind: 'Kolada' | 'Skolverkets statistik'): Promise<Page> {
    const { page } = await h.newPage();
    await page.goto(`${h.url}/tab?view=organizer&section=import`);
    await signIn(page, 'Anna Lindqvist');
    await page.getByTestId('import').waitFor();
    await page.getByRole('radio', { name: new RegExp(`^${kind}`) }).check();
    await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: readFileSync(path.join(fixtures, name)) });
    await page.getByText(name).waitFor();
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    await page.getByTestId('import-preview').waitFor();
    return page;
  }

  it.each([
    ['excel-windows-1252.csv', 'Kolada', 'Läst som CSV med avgränsaren ;. Teckenkodning: Windows-1252 (Excel).', 2],
    ['excel-utf8-bom.csv', 'Kolada', 'Läst som CSV med avgränsaren ;. Teckenkodning: UTF-8 med BOM.', 2],
    ['skolverket-statistik.csv', 'Skolverkets statistik', 'Läst som CSV med avgränsaren ;. Teckenkodning: Windows-1252 (Excel).', 2],
    ['skolverket-statistik.xlsx', 'Skolverkets statistik', 'Läst som Excel-arbetsbok (.xlsx), första bladet.', 2],
  ] as const)('uploads %s unedited, says how it was read, and imports it', async (name, kind, readAs, count) => {
    const page = await uploadAndPreview(name, kind);
    await expect(page.getByTestId('import-read-as').textContent()).resolves.toBe(readAs);
    await expect(page.getByTestId('import-errors').count()).resolves.toBe(0);
    expect(await axeViolations(page), `axe on the preview of ${name}`).toEqual([]);
    await page.getByRole('button', { name: `Importera ${count} resultat` }).click();
    await page.getByTestId('import-done').getByText(`Importen är klar: ${count} nya, 0 ändrade, 0 oförändrade.`).waitFor();
  });

  it('maps a column of Skolverket\'s that no indicator is named by, once, and the next preview finds it', async () => {
    const { page } = await h.newPage();
    await page.goto(`${h.url}/tab?view=organizer&section=import`);
    await signIn(page, 'Anna Lindqvist');
    await page.getByTestId('import').waitFor();
    await page.getByRole('radio', { name: /^Skolverkets statistik/ }).check();
    const heading = 'Andel elever med godkänt i alla ämnen åk 9 (%)';
    await page.getByLabel('CSV-text').fill(`Skolenhetskod;Läsår;${heading}\n91234505;2021/22;77,9\n`);
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    const mapping = page.getByTestId('import-column-mapping');
    await mapping.waitFor();
    const select = mapping.getByLabel(heading);
    await expect.poll(() => select.locator('option').count()).toBeGreaterThan(1);
    expect(await axeViolations(page), 'axe on the column mapping').toEqual([]);
    await select.selectOption({ label: 'Behörighet till yrkesprogram' });
    await mapping.getByRole('button', { name: 'Spara kopplingarna och förhandsgranska igen' }).click();
    await page.getByRole('button', { name: 'Importera 1 resultat' }).click();
    // new, or a change of what an earlier test of this file imported for that year
    await page.getByTestId('import-done').getByText(/^Importen är klar: (1 nya, 0 ändrade|0 nya, 1 ändrade), 0 oförändrade\.$/).waitFor();
    // saved on the indicator, for every later import
    const indicators = await h.api<IndicatorPage>('admin', 'GET', '/api/indicators?top=100');
    expect(indicators.items.find((i) => i.name === 'Behörighet till yrkesprogram')?.importColumns).toEqual([heading]);
  });

  it('reads Kolada\'s JSON for the municipality and imports its value as the municipality\'s own result', async () => {
    const page = await uploadAndPreview('kolada-v2-municipality.json', 'Kolada');
    await expect(page.getByTestId('import-read-as').textContent()).resolves.toContain('Koladas API v2-svar (JSON)');
    await page.getByText('1 nya, 0 ändrade, 0 oförändrade, 0 utan värde').waitFor();
    await page.getByTestId('import-preview').getByRole('cell', { name: 'Kommunen', exact: true }).waitFor();
    expect(await axeViolations(page), 'axe on the preview of the municipality\'s value').toEqual([]);
    await page.getByRole('button', { name: 'Importera 1 resultat' }).click();
    await page.getByTestId('import-done').getByText('Importen är klar: 1 nya, 0 ändrade, 0 oförändrade.').waitFor();
  });
});

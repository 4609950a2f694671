import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { UnitImportPreview } from '../../../../src/contract';
import { useSession } from '../../auth/session';
import { reply } from '../../testing/fetch-stub';
import { renderWithSession } from '../../testing/render';
import { UnitImport } from './unit-import';
import { UnitsApi } from './units-api';

afterEach(cleanup);

const registerList = JSON.stringify({ data: { type: 'schoolunit', attributes: [{ schoolUnitCode: '81234501', name: 'Sjöviksskolan F-6', status: 'AKTIV' }] } });
const summary = { from: 'list', units: 3, create: 1, update: 1, unchanged: 0, skipped: 1, refused: 0, missing: 1 } as const;
const preview: UnitImportPreview = {
  rows: [
    { schoolUnitCode: '81234501', name: 'Sjöviksskolan F-6', status: 'AKTIV', type: 'grundskola', change: 'create' },
    { schoolUnitCode: '81234502', name: 'Sjöviksskolan 7-9', status: 'AKTIV', type: 'grundskola', change: 'update', unitId: '2', previousName: 'Sjöviksskolan 7–9' },
    { schoolUnitCode: '81234512', name: 'Gamla Hamnskolan', status: 'UPPHORT', change: 'skipped', reason: 'notActive' },
  ],
  missing: [{ unitId: '7', name: 'Torpets skola', schoolUnitCode: '81234577' }],
  summary,
};

function Import({ onImported }: { onImported?: () => void }) {
  const { api } = useSession();
  return <UnitImport api={new UnitsApi(api)} {...(onImported ? { onImported } : {})} />;
}

async function chooseFile(json: string) {
  const input = await screen.findByTestId('unit-import-file');
  fireEvent.change(input, { target: { files: [new File([json], 'skolenheter.json', { type: 'application/json' })] } });
  await screen.findByText('skolenheter.json');
}

describe('UnitImport', () => {
  it('previews the register\'s file, then imports it all with the same request', async () => {
    let imported = 0;
    const { seen } = renderWithSession(<Import onImported={() => { imported += 1; }} />, {
      'POST /api/organizer/unit-imports/preview': () => preview,
      'POST /api/organizer/unit-imports': () => ({ created: 1, updated: 1, unchanged: 0, summary }),
    });
    await chooseFile(registerList);
    fireEvent.change(screen.getByRole('combobox', { name: /Skolform för nya enheter/ }), { target: { value: 'grundskola' } });
    fireEvent.click(screen.getByRole('button', { name: 'Förhandsgranska' }));
    const shown = await screen.findByTestId('unit-import-preview');
    expect(within(shown).getByText('1 nya, 1 ändrade, 0 oförändrade, 1 hoppas över, 0 kan inte importeras')).toBeTruthy();
    expect(within(shown).getByText('Byter namn från Sjöviksskolan 7–9')).toBeTruthy();
    expect(within(shown).getByText('Hoppas över: inte aktiv i registret')).toBeTruthy();
    // a unit the register lacks is listed, never archived by the import
    expect(within(shown).getByText('Torpets skola (81234577)')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Importera 2 enheter' }));
    await screen.findByText('Enheterna är importerade: 1 nya, 1 ändrade, 0 oförändrade.');
    expect(imported).toBe(1);
    const [asked, committed] = seen.map((r) => r.body);
    expect(asked).toEqual({ source: { kind: 'file', json: registerList }, defaultType: 'grundskola' });
    expect(committed).toEqual(asked);
  });

  it('offers no import while units are refused, and says why', async () => {
    renderWithSession(<Import />, {
      'POST /api/organizer/unit-imports/preview': () => ({
        rows: [{ schoolUnitCode: '81234501', name: 'Sjöviksskolan F-6', status: 'AKTIV', change: 'refused', reason: 'noSchoolForm' }],
        missing: [], summary: { ...summary, create: 0, update: 0, skipped: 0, refused: 1, missing: 0, units: 1 },
      }),
    });
    await chooseFile(registerList);
    fireEvent.click(screen.getByRole('button', { name: 'Förhandsgranska' }));
    await screen.findByText('Kan inte importeras: skolform saknas');
    expect(screen.getByText(/1 enheter kan inte importeras/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Importera \d+ enheter$/ })).toBeNull();
  });

  it('asks for a file first, and shows what the register\'s file lacks in words', async () => {
    const { seen } = renderWithSession(<Import />, {
      'POST /api/organizer/unit-imports/preview': () => reply(400, {
        status: 400, code: 'invalidBody', title: 'Ogiltiga uppgifter', field: 'source.json', fieldLabel: 'Filen från skolenhetsregistret',
        detail: 'Filen från skolenhetsregistret: är inte registrets svar',
      }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Förhandsgranska' }));
    await screen.findByText('Välj en fil från registret först.');
    expect(seen).toHaveLength(0);
    await chooseFile('{"inte": "registret"}');
    fireEvent.click(screen.getByRole('button', { name: 'Förhandsgranska' }));
    await screen.findByText('Filen från skolenhetsregistret: är inte registrets svar');
  });
});

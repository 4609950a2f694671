import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readRegisterAnswer } from './read-answer';
import { unitTypeOf } from './school-units';

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/skolverket-register/${name}`, import.meta.url), 'utf8');
const list = fixture('school-units-9961.json');
const details = fixture('school-unit-details-9961.json');

describe('readRegisterAnswer', () => {
  it('reads the list answer: codes, names and statuses, without school forms', () => {
    const reading = readRegisterAnswer(list, 100);
    if (!reading.ok) throw new Error(reading.reason);
    expect(reading.from).toBe('list');
    expect(reading.units).toHaveLength(13);
    expect(reading.units[0]).toEqual({ schoolUnitCode: '81234501', name: 'Sjöviksskolan F-6', status: 'AKTIV' });
    expect(reading.units.filter((unit) => unit.status !== 'AKTIV').map((unit) => unit.status)).toEqual(['UPPHORT', 'PLANERAD']);
  });

  it('reads a list of detail answers: school forms and the municipality too', () => {
    const reading = readRegisterAnswer(details, 100);
    if (!reading.ok) throw new Error(reading.reason);
    expect(reading.from).toBe('details');
    expect(reading.units[0]).toEqual({ schoolUnitCode: '81234501', name: 'Sjöviksskolan F-6', status: 'AKTIV', schoolTypes: ['FKLASS', 'GR', 'FTH'], municipalityCode: '9961' });
  });

  it('reads one detail answer alone', () => {
    const one = JSON.stringify((JSON.parse(details) as unknown[])[8]);
    const reading = readRegisterAnswer(one, 100);
    expect(reading).toMatchObject({ ok: true, from: 'details', units: [{ schoolUnitCode: '81234509', name: 'Komvux Sjövik', schoolTypes: ['VUX'] }] });
  });

  it('keeps out a school form it does not know instead of refusing the unit', () => {
    const answer = JSON.parse(details) as { data: { attributes: { schoolTypes: string[] } } }[];
    const first = answer[0];
    if (!first) throw new Error('fixture');
    first.data.attributes.schoolTypes = ['GR', 'NYFORM'];
    const reading = readRegisterAnswer(JSON.stringify([first]), 100);
    expect(reading).toMatchObject({ ok: true, units: [{ schoolTypes: ['GR'] }] });
  });

  it('refuses what is not the register\'s answer, saying why', () => {
    expect(readRegisterAnswer('{"data": ', 100)).toEqual({ ok: false, reason: 'Filen är inte JSON.' });
    expect(readRegisterAnswer('{"units": []}', 100)).toMatchObject({ ok: false, reason: expect.stringMatching(/inte ett svar från Skolverkets skolenhetsregister/) });
    expect(readRegisterAnswer('[]', 100)).toEqual({ ok: false, reason: 'Filen har inga enheter.' });
    const badCode = list.replace('"81234502"', '"8123"');
    expect(readRegisterAnswer(badCode, 100)).toMatchObject({ ok: false, reason: expect.stringMatching(/data\.attributes\.1\.schoolUnitCode/) });
    expect(readRegisterAnswer('[{"data": {}}]', 100)).toMatchObject({ ok: false, reason: expect.stringMatching(/^Enhet 1 i filen/) });
  });

  it('takes at most the given number of units from one file', () => {
    expect(readRegisterAnswer(list, 12)).toMatchObject({ ok: false, reason: 'Filen har 13 enheter; högst 12 tas emot på en gång.' });
    expect(readRegisterAnswer(details, 12)).toMatchObject({ ok: false });
  });
});

describe('unitTypeOf', () => {
  it.each([
    [['FKLASS', 'GR', 'FTH'], 'grundskola'],
    [['GY'], 'gymnasieskola'],
    [['GYAN'], 'anpassadGymnasieskola'],
    [['GRAN'], 'anpassadGrundskola'],
    [['GR', 'GRAN'], 'grundskola'],
    [['VUX'], 'vuxenutbildning'],
    [['FKLASS'], 'grundskola'],
    [['FTH'], 'fritidshem'],
    [['OPPFTH'], 'fritidshem'],
    [['SAM'], 'grundskola'],
  ] as const)('makes %j a %s', (forms, type) => {
    expect(unitTypeOf(forms)).toBe(type);
  });

  it('tells no type without a school form', () => {
    expect(unitTypeOf([])).toBeUndefined();
  });
});

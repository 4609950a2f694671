/**
 * Both reports as a reader gets them: rendered by LibreOffice to PDF (each converted once), the
 * text read back with pdftotext. Checks what only a rendering shows (a word broken across lines
 * in a narrow table cell), and the report's content in the order it is read. Screenshots of the
 * first pages go to docs/screenshots. Needs `soffice` and `pdftotext`/`pdftoppm`
 * (libreoffice-writer-nogui and poppler-utils; .ci/run installs them).
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lists, type Entities } from '../../lists/lists';
import { createMemoryStore } from '../../store/memory-store';
import { startedMirror } from '../../store/test-kit';
import type { Caller } from '../caller';
import { RollupService } from '../rollup';
import { UnitAccess } from '../unit-access';
import { ReportService } from './report-service';
import { fixturePeople, seedReportFixture } from './test-fixture';

const run = promisify(execFile);
const screenshots = path.resolve('docs/screenshots');

/** The PDF's lines in reading order (a table row by row, each cell whole), every kind of space read as one. */
async function pdfLines(file: string): Promise<string[]> {
  const { stdout } = await run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { timeout: 30_000 });
  return stdout.split('\n').map((line) => line.replace(/[\s\u00a0\u202f\u2009]+/g, ' ').trim()).filter((line) => line !== '');
}

/** Where each heading stands as a line of its own, searching on from the one before: -1 once one is missing or out of order. */
function headingLines(lines: readonly string[], headings: readonly string[]): number[] {
  let from = 0;
  return headings.map((h) => {
    const at = from < 0 ? -1 : lines.indexOf(h, from);
    from = at < 0 ? -1 : at + 1;
    return at;
  });
}

/** Each word of the PDF's text: what a reader sees between spaces and line ends. */
const wordsOf = (text: string) => new Set(text.split(' ').map((w) => w.replace(/^[("]+|[).,:;"]+$/g, '')));

describe('the reports rendered by LibreOffice', () => {
  let dir: string;
  let unitLines: string[];
  let municipalityLines: string[];
  let unitText: string;
  let municipalityText: string;

  beforeAll(async () => {
    const store = createMemoryStore<Entities>(lists);
    const fixture = await seedReportFixture(store);
    const now = () => new Date('2026-03-15T12:00:00Z');
    const mirror = await startedMirror(store, store);
    const reports = new ReportService(new RollupService(mirror.readModel, { now }), new UnitAccess(store), { now, organizerName: 'Barn- och utbildningsnämnden i Exempelstad' });
    const principal: Caller = { userId: fixturePeople.principalA, tenantId: 't', name: 'Rektor', appRoles: [], groups: [], groupsOverage: false, principalOfUnitIds: [fixture.units.a.id] };
    dir = await mkdtemp(path.join(tmpdir(), 'kvalitetshjulet-report-'));
    const unit = path.join(dir, 'report-unit.docx');
    const municipality = path.join(dir, 'report-municipality.docx');
    await writeFile(unit, (await reports.unitReport(principal, fixture.units.a.id, { language: 'sv' })).file);
    await writeFile(municipality, await reports.qualityReport('2025/26'));
    // One LibreOffice start converts both; its own profile, so a desktop instance is never touched.
    await run('soffice', [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, unit, municipality], { timeout: 110_000 });
    unitLines = await pdfLines(path.join(dir, 'report-unit.pdf'));
    municipalityLines = await pdfLines(path.join(dir, 'report-municipality.pdf'));
    unitText = unitLines.join(' ');
    municipalityText = municipalityLines.join(' ');
    for (const name of ['report-unit', 'report-municipality']) {
      await run('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', path.join(dir, `${name}.pdf`), path.join(dir, name)], { timeout: 30_000 });
      await copyFile(path.join(dir, `${name}.png`), path.join(screenshots, `${name}.png`));
    }
  }, 120_000);

  afterAll(async () => {
    if (dir) if (!process.env['KEEP_REPORTS']) await rm(dir, { recursive: true, force: true });
  });

  it('names the municipality and the report under its title', () => {
    expect(unitText).toMatch(/^Kvalitetsrapport: Alléskolan Barn- och utbildningsnämnden i Exempelstad\. Läsåret 2025\/26\./);
    expect(municipalityText).toMatch(/^Kvalitetsrapport läsåret 2025\/26 Barn- och utbildningsnämnden i Exempelstad\./);
  });

  it('has its headings, in the order they are read', () => {
    const unit = headingLines(unitLines, ['Kvalitetshjulet', 'Resultat', 'Resultat per grupp', 'Analys 2025/26', 'Deltagare', 'Resultat som analysen bygger på', 'Styrkor', 'Utvecklingsområden',
      'Var är vi?', 'Orsaksanalys', 'Vart ska vi?', 'Hur gör vi?', 'Åtgärder från analysen', 'Hur blev det?', 'Återkoppling', 'Åtgärder', 'Brister', 'Möten och beslut']);
    expect(unit.every((at) => at >= 0), JSON.stringify(unit)).toBe(true);
    const municipality = headingLines(municipalityLines, ['Sammanfattning', 'Kvalitetshjulet per enhet', 'Gemensamma utvecklingsområden', 'Resultat mot mål',
      'Alléskolan', 'Resultat', 'Analys 2025/26', 'Orsaksanalys', 'Backaskolan', 'Brister', 'Centrumskolan', 'Analys']);
    expect(municipality.every((at) => at >= 0), JSON.stringify(municipality)).toBe(true);
  });

  it('writes numbers the Swedish way with their units of measure', () => {
    for (const text of [unitText, municipalityText]) {
      expect(text).toContain('81,8 %');
      expect(text).toContain('235 poäng');
      expect(text).toContain('9 st.');
    }
    expect(unitText).toMatch(/Flickor 84,6 %/);
    expect(unitText).toMatch(/Pojkar 79,1 %/);
  });

  it('keeps long Swedish words whole in table cells, and gives each column its own heading', () => {
    const long = ['Uppföljning', 'Genomförande', 'kränkningar', 'gymnasieskolans', 'yrkesprogram', 'Uppföljningssamtal', 'trygghetsvandringar', 'utvärderad', 'Återkoppling'];
    for (const text of [unitText, municipalityText]) {
      const words = wordsOf(text);
      expect(long.filter((word) => ![...words].some((w) => w === word || w.toLocaleLowerCase('sv-SE') === word.toLocaleLowerCase('sv-SE')))).toEqual([]);
    }
    // the cycle per unit: a phase named "Analys" and the analysis' own status are two columns
    expect(municipalityText).toMatch(/Enhet Uppföljning Analys Planering Genomförande Analysens status/);
  });

  it('shows a unit\'s chain: result → analysis (causes) → actions → evaluation, with who took part', () => {
    const chain = [
      'Analys 2025/26',
      'Lärare: Lärare Larsson',
      'Elever: 12',
      'Behörighet till gymnasieskolans yrkesprogram, 2025/26: 81,8 % (mål 85 %)',
      'Alléskolans orsaksanalys: kollegialt lärande har gett resultat.',
      'Rastvärdar, trygghetsvandringar och studiestöd i matematik.',
      'Uppföljningssamtal och trygghetsvandringar',
      'Eleverna pekade ut otrygga platser; rastvärdar finns där nu.',
      'Trygghetsvandringarna minskade kränkningarna; behörigheten steg till 81,8 procent.',
    ];
    for (const text of [unitText, municipalityText.slice(municipalityText.indexOf('Alléskolan Skolenhetskod'))]) {
      const at = chain.map((part) => text.indexOf(part));
      expect(at.every((i) => i >= 0)).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
    }
  });

  it('lists deficiencies with their actions and status, meeting decisions, and feedback with its read confirmation', () => {
    expect(municipalityText).toMatch(/Brister i studiero Skolinspektionen 15 sep. 2025 1 mars 2026 Öppen Gemensamma ordningsregler \(planerad\)/);
    expect(unitText).toContain('Uppföljningsrapporten: Trygghetsvandringar varje termin.');
    expect(unitText).toMatch(/Återkoppling Given: 10 feb\. 2026 Bra analys\. Läst: 12 feb\. 2026/);
    expect(municipalityText).toContain('Läst: 12 feb. 2026');
  });
});

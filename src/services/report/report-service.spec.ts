import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { lists, type Entities } from '../../lists/lists';
import { createMemoryStore } from '../../store/memory-store';
import { startedMirror } from '../../store/test-kit';
import type { Caller } from '../caller';
import { NotVisibleError } from '../errors';
import { RollupService } from '../rollup';
import { UnitAccess } from '../unit-access';
import { ReportService } from './report-service';
import { fixturePeople, seedFixture, type Fixture } from './test-fixture';

/** The text of word/document.xml, run texts joined by spaces (no-break spaces read as spaces). */
async function documentText(buffer: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file('word/document.xml')?.async('string');
  if (xml === undefined) throw new Error('no word/document.xml');
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/[\u00a0\u202f]/g, ' ').replace(/ {2,}/g, ' ');
}

const now = () => new Date('2026-03-15T12:00:00Z');

function caller(userId: string, principalOfUnitIds: string[] = [], appRoles: Caller['appRoles'] = []): Caller {
  return { userId, tenantId: 't', name: userId, appRoles, groups: [], groupsOverage: false, principalOfUnitIds };
}

async function reportsOver(): Promise<{ reports: ReportService; fixture: Fixture; store: ReturnType<typeof createMemoryStore<Entities>> }> {
  const store = createMemoryStore<Entities>(lists);
  const fixture = await seedFixture(store);
  const mirror = await startedMirror(store, store);
  return { reports: new ReportService(new RollupService(mirror.readModel, { now }), new UnitAccess(store), { now, organizerName: 'Exempelstads kommun' }), fixture, store };
}

describe('ReportService.qualityReport', () => {
  let text: string;
  let boardText: string;
  let buffer: Buffer;

  beforeAll(async () => {
    const { reports } = await reportsOver();
    buffer = await reports.qualityReport('2025/26');
    text = await documentText(buffer);
    boardText = await documentText(await reports.qualityReport('2025/26', { boardSafe: true }));
  });

  it('is a Word document', () => {
    expect(buffer.subarray(0, 2).toString()).toBe('PK');
    expect(text).toContain('Kvalitetsrapport läsåret 2025/26');
    expect(text).toContain('Exempelstads kommun');
  });

  it('starts with the roll-up summary', () => {
    const summaryAt = text.indexOf('Sammanfattning');
    expect(summaryAt).toBeGreaterThan(-1);
    expect(summaryAt).toBeLessThan(text.indexOf('Alléskolans orsaksanalys'));
    expect(text).toContain('3 enheter ingår. 2 har lämnat in sin analys för läsåret, 1 väntar på återkoppling.');
    expect(text).toMatch(/Studiero \(2 enheter\)/);
  });

  it('holds each unit\'s submitted cause analysis, strengths before areas to develop, and never a draft', () => {
    expect(text).toContain('Alléskolans orsaksanalys: kollegialt lärande har gett resultat.');
    expect(text).toContain('Backaskolans orsaksanalys: frånvaron ökar i åk 8.');
    expect(text).not.toContain('Centrumskolans utkast');
    expect(text).not.toContain('Hemligt utkastområde');
    expect(text).toContain('Enheten har inte lämnat in någon analys för läsåret.');
    const backa = text.lastIndexOf('Styrkor', text.indexOf('Engagerade lärare'));
    expect(text.indexOf('Engagerade lärare', backa)).toBeLessThan(text.indexOf('Ledarskap', backa));
  });

  it('prints each analysis strengths first: what works, then what to develop, then where the unit is and why', () => {
    for (const [strength, toDevelop, causes] of [['Trygg miljö', 'Formativ bedömning.', 'Alléskolans orsaksanalys'], ['Engagerade lärare', 'Ledarskap', 'Backaskolans orsaksanalys']] as const) {
      const analysisAt = text.lastIndexOf('Analys 2025/26', text.indexOf(causes));
      const at = [strength, toDevelop, 'Var är vi?', causes].map((words) => text.indexOf(words, analysisAt));
      expect(at.every((position) => position > analysisAt)).toBe(true);
      expect(at).toEqual([...at].sort((x, y) => x - y));
    }
  });

  it('has results against target, with units of measure, trend and the municipality\'s average, and actions with origin, owners, status and evaluation', () => {
    expect(text).toMatch(/Meritvärde åk 9 230 poäng 235 poäng 220 poäng Bättre 230 poäng Ja/);
    expect(text).toMatch(/Gemensamma ordningsregler Brist: Brister i studiero Bertil Backman 1 dec. 2025 Planerad \(försenad\) Inte utvärderad/);
    expect(text).toContain('Brister i studiero');
  });

  it('leaves out the owners in the board\'s copy', () => {
    expect(boardText).toContain('Gemensamma ordningsregler');
    expect(boardText).not.toContain('Bertil Backman');
    expect(boardText).not.toContain('Lärare Larsson');
  });
});

describe('ReportService.unitReport', () => {
  let reports: ReportService;
  let fixture: Fixture;

  beforeAll(async () => {
    let store: Awaited<ReturnType<typeof reportsOver>>['store'];
    ({ reports, fixture, store } = await reportsOver());
    await store.create('analyses', {
      unitId: fixture.units.a.id, schoolYear: '2025/26', period: '2025/26 VT', status: 'draft', causes: 'Alléskolans halvfärdiga utkast.',
      strengths: [], areasToDevelop: [], measurementIds: [], goalIds: [], participants: [],
    }, { actor: fixturePeople.principalA });
  });

  it('is the unit\'s chapter with its municipality, cycle and file name, for the unit\'s principal', async () => {
    const report = await reports.unitReport(caller(fixturePeople.principalA, [fixture.units.a.id]), fixture.units.a.id, { language: 'sv' });
    expect(report.fileName).toBe('Kvalitetsrapport Alléskolan 2025-26.docx');
    const text = await documentText(report.file);
    expect(text).toContain('Kvalitetsrapport: Alléskolan');
    expect(text).toContain('Exempelstads kommun. Läsåret 2025/26. Skapad 15 mars 2026.');
    expect(text).toContain('Planering Klar Genomförande Pågår');
    expect(text).toMatch(/Meritvärde åk 9 230 poäng 235 poäng 220 poäng Bättre 230 poäng Ja/);
    expect(text).toContain('Varför blev det som det blev när vi gjorde som vi gjorde?');
    expect(text).toContain('Alléskolans orsaksanalys: kollegialt lärande har gett resultat.');
    expect(text).toContain('Lärare: Lärare Larsson');
    expect(text).toContain('Elever: 12');
    expect(text).toContain('Lektionsbesök i åk 7–9 Lärare Larsson 30 maj 2026 Pågår Inte utvärderad');
    expect(text).toContain('Bra analys.');
    expect(text).toContain('Läst: Inte läst ännu');
    expect(text).not.toContain('Backaskolans orsaksanalys');
  });

  it('writes the headings in English for an English reader', async () => {
    const report = await reports.unitReport(caller(fixturePeople.principalA, [fixture.units.a.id]), fixture.units.a.id, { language: 'en' });
    expect(report.fileName).toBe('Quality report Alléskolan 2025-26.docx');
    const text = await documentText(report.file);
    expect(text).toContain('Quality report: Alléskolan');
    expect(text).toContain('Where are we?');
    expect(text).toContain('Meritvärde åk 9 230 points 235 points 220 points Better 230 points Yes');
  });

  it('leaves out names in the board\'s copy', async () => {
    const text = await documentText((await reports.unitReport(caller('board-member', [], ['Board']), fixture.units.a.id, { language: 'sv', boardSafe: true })).file);
    expect(text).toContain('Lektionsbesök i åk 7–9');
    expect(text).not.toContain('Lärare Larsson');
    expect(text).toContain('Lärare: 1');
  });

  it('holds the unit\'s draft, marked as one, in its own principal\'s copy only', async () => {
    const own = await documentText((await reports.unitReport(caller(fixturePeople.principalA, [fixture.units.a.id]), fixture.units.a.id, { language: 'sv' })).file);
    expect(own).toContain('Analys 2025/26 VT Status: Utkast');
    expect(own).toContain('Alléskolans halvfärdiga utkast.');
    const colleague = await documentText((await reports.unitReport(caller(fixturePeople.principalB, [fixture.units.b.id]), fixture.units.a.id, { language: 'sv' })).file);
    expect(colleague).toContain('Alléskolans orsaksanalys');
    expect(colleague).not.toContain('Alléskolans halvfärdiga utkast.');
  });

  it('is refused to someone outside the unit', async () => {
    await expect(reports.unitReport(caller('someone-elsewhere'), fixture.units.a.id, { language: 'sv' })).rejects.toBeInstanceOf(NotVisibleError);
  });
});

describe('the reports beside the municipality\'s own figure from Kolada', () => {
  it('compare the units\' average with Kommunen enligt Kolada, in the quality report and in a unit\'s report', async () => {
    const { reports, fixture, store } = await reportsOver();
    const without = await documentText(await reports.qualityReport('2025/26'));
    expect(without).not.toContain('Kommunen enligt Kolada');
    await store.create('municipalityResults', { indicatorId: fixture.indicators.merit.id, municipalityId: '9999', period: '2025/26', schoolYear: '2025/26', value: 228.4, source: 'kolada' }, { actor: fixturePeople.admin });
    const quality = await documentText(await reports.qualityReport('2025/26'));
    expect(quality).toContain('Kommunen enligt Kolada 2025/26');
    expect(quality).toMatch(/Meritvärde åk 9 230 poäng 230 poäng 230 poäng 228,4 poäng/);
    const unit = await documentText((await reports.unitReport(caller(fixturePeople.principalA, [fixture.units.a.id]), fixture.units.a.id, { language: 'sv' })).file);
    expect(unit).toMatch(/Meritvärde åk 9 230 poäng 235 poäng 220 poäng Bättre 230 poäng 228,4 poäng Ja/);
  });
});

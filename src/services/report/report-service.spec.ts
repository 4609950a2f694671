import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { lists, type Entities } from '../../lists/lists';
import { createMemoryStore } from '../../store/memory-store';
import { startedMirror } from '../../store/test-kit';
import { RollupService } from '../rollup';
import { ReportService } from './report-service';
import { seedFixture } from './test-fixture';

/** The text of word/document.xml, run texts joined by spaces. */
async function documentText(buffer: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file('word/document.xml')?.async('string');
  if (xml === undefined) throw new Error('no word/document.xml');
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ').replace(/&amp;/g, '&').replace(/&quot;/g, '"');
}

describe('ReportService.qualityReport', () => {
  let text: string;
  let boardText: string;
  let buffer: Buffer;

  beforeAll(async () => {
    const store = createMemoryStore<Entities>(lists);
    await seedFixture(store);
    const now = () => new Date('2026-03-15T12:00:00Z');
    const mirror = await startedMirror(store, store);
    const reports = new ReportService(new RollupService(mirror.readModel, { now }), { now, organizerName: 'Exempelstads kommun' });
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
    const backa = text.indexOf('Backaskolans orsaksanalys');
    expect(text.indexOf('Engagerade lärare', backa)).toBeLessThan(text.indexOf('Ledarskap', backa));
  });

  it('has results against target and actions with owners and status', () => {
    expect(text).toMatch(/Meritvärde åk 9 235 220 – 230 Ja/);
    expect(text).toMatch(/Gemensamma ordningsregler Bertil Backman 1 dec. 2025 Planerad \(försenad\)/);
    expect(text).toContain('Brister i studiero');
  });

  it('leaves out the owners in the board\'s copy', () => {
    expect(boardText).toContain('Gemensamma ordningsregler');
    expect(boardText).not.toContain('Bertil Backman');
    expect(boardText).not.toContain('Lärare Larsson');
  });
});

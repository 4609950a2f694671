import { Packer } from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Action, Analysis, Indicator, Measurement, Meeting, Overview } from '../../../src/contract';
import { i18nIn } from '../i18n/i18n';
import { buildReportDocument } from './build-report';
import type { ReportData } from './report-data';

const meta = (id: string) => ({ id, etag: `"${id},1"`, createdAt: '2025-09-01T00:00:00Z', modifiedAt: '2025-09-01T00:00:00Z' });
const unit = { ...meta('1'), name: 'Björkskolan', type: 'grundskola' as const, schoolUnitCode: '12345678', principalIds: [] };
const analysis: Analysis = {
  ...meta('9'), unitId: '1', schoolYear: '2025/26', period: '2025/26 HT', status: 'submitted',
  followUp: 'Behörigheten sjönk till 71 procent.', causes: 'Brist på behöriga lärare i matematik.',
  direction: 'Fler elever ska nå behörighet.', approach: 'Kollegialt lärande i matematik.',
  strengths: ['Trygg skolmiljö'], areasToDevelop: ['Formativ bedömning'], measurementIds: [], goalIds: [],
  participants: [{ role: 'teacher', displayName: 'David Berg' }, { role: 'pupils', count: 24 }],
};
const action: Action = {
  ...meta('3'), title: 'Läsfrämjande insats', unitId: '1', ownerId: 'u', ownerName: 'David Berg', dueDate: '2026-05-01',
  status: 'inProgress', originKind: 'analysis', originId: '9', schoolYear: '2025/26',
};
const indicator: Indicator = { ...meta('30'), name: 'Behörighet till gymnasiet', source: 'eligibility', unitOfMeasure: 'percent', direction: 'higherIsBetter', target: 85 };
const measurement: Measurement = { ...meta('20'), unitId: '1', indicatorId: '30', period: '2025/26', schoolYear: '2025/26', value: 71 };
const meeting: Meeting = { ...meta('50'), type: 'resultsConference', title: 'Resultatkonferens HT', unitId: '1', startsAt: '2025-11-10T13:00:00Z', schoolYear: '2025/26', participants: [], agenda: [] };
const overview: Overview = {
  unit, schoolYear: '2025/26',
  cycle: { schoolYear: '2025/26', phases: { followUp: 'done', analysis: 'done', planning: 'inProgress', implementation: 'notStarted' }, current: 'planning' },
  goals: [], indicators: [indicator], latestMeasurements: [measurement], openActions: [action], overdueActions: [], nextMeetings: [], nextActivities: [], openDeficiencies: [],
};
const data: ReportData = { overview, indicators: [indicator], measurements: [measurement], analyses: [analysis], actions: [action], meetings: [meeting], feedback: [] };

async function textOf(language: 'sv' | 'en'): Promise<string> {
  const buffer = await Packer.toBuffer(buildReportDocument(data, i18nIn(language)));
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file('word/document.xml')?.async('string');
  return (xml ?? '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

describe('buildReportDocument', () => {
  it('assembles the unit, its cycle, results, analysis, actions and meetings into a .docx', async () => {
    const text = await textOf('sv');
    expect(text).toContain('Kvalitetsrapport: Björkskolan');
    expect(text).toContain('Läsåret 2025/26');
    expect(text).toContain('Planering Pågår');
    expect(text).toContain('Behörighet till gymnasiet 2025/26 71 85');
    expect(text).toContain('Varför blev det som det blev när vi gjorde som vi gjorde?');
    expect(text).toContain('Brist på behöriga lärare i matematik.');
    expect(text).toContain('Trygg skolmiljö');
    expect(text).toContain('Elever: 24');
    expect(text).toContain('Läsfrämjande insats David Berg 1 maj 2026 Pågår');
    expect(text).toContain('Resultatkonferens: Resultatkonferens HT');
  });

  it('writes the headings in English for an English user', async () => {
    const text = await textOf('en');
    expect(text).toContain('Quality report: Björkskolan');
    expect(text).toContain('Where are we?');
  });
});

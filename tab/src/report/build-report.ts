// Loaded only when a report is exported: docx is a large library.
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { phases } from '../../../src/domain/choices';
import type { I18n } from '../i18n/i18n';
import type { ReportData } from './report-data';

function heading(text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]): Paragraph {
  return new Paragraph({ text, heading: level });
}

function paragraphs(text: string | undefined): Paragraph[] {
  return (text ?? '').split('\n').filter((line) => line.trim()).map((line) => new Paragraph({ text: line }));
}

function bullets(items: string[]): Paragraph[] {
  return items.map((item) => new Paragraph({ text: item, bullet: { level: 0 } }));
}

function table(header: string[], rows: string[][]): Table {
  const row = (cells: string[], bold: boolean) =>
    new TableRow({
      tableHeader: bold,
      children: cells.map((cell) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: cell, bold })] })] })),
    });
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [row(header, true), ...rows.map((r) => row(r, false))] });
}

/** The quality report as a Word document: cycle, results, analysis, actions, meetings, feedback. */
export function buildReportDocument(data: ReportData, { t, format }: Pick<I18n, 't' | 'format'>): Document {
  const { overview } = data;
  const indicatorName = (id: string) => data.indicators.find((i) => i.id === id)?.name ?? id;
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: `${t('common.qualityReport')}: ${overview.unit.name}`, heading: HeadingLevel.TITLE }),
    new Paragraph({ text: t('channel.overviewCycle', { schoolYear: overview.schoolYear }) }),
    heading(t('channel.reportCycle'), HeadingLevel.HEADING_1),
    table([t('channel.reportCycle'), t('common.status')], phases.map((p) => [t(`vocab.phase.${p}`), t(`vocab.phaseState.${overview.cycle.phases[p] ?? 'notStarted'}`)])),
    heading(t('common.results'), HeadingLevel.HEADING_1),
  ];
  if (data.measurements.length === 0) children.push(new Paragraph({ text: t('common.noResultsYet') }));
  else {
    const sorted = [...data.measurements].sort((a, b) => indicatorName(a.indicatorId).localeCompare(indicatorName(b.indicatorId)) || a.period.localeCompare(b.period));
    children.push(table([t('common.indicator'), t('common.period'), t('common.value'), t('common.target')], sorted.map((m) => {
      const target = data.indicators.find((i) => i.id === m.indicatorId)?.target;
      return [indicatorName(m.indicatorId), m.period, format.number(m.value), format.number(target)];
    })));
  }
  children.push(heading(t('vocab.phase.analysis'), HeadingLevel.HEADING_1));
  if (data.analyses.length === 0) children.push(new Paragraph({ text: t('channel.reportNoAnalysis') }));
  for (const analysis of data.analyses) {
    children.push(heading(`${t('common.analysisOf', { period: analysis.period })} (${t(`vocab.analysisStatus.${analysis.status}`)})`, HeadingLevel.HEADING_2));
    for (const question of ['followUp', 'causes', 'direction', 'approach'] as const) {
      children.push(heading(t(`vocab.question.${question}`), HeadingLevel.HEADING_3), ...paragraphs(analysis[question]));
    }
    children.push(heading(t('vocab.term.strengths'), HeadingLevel.HEADING_3), ...bullets(analysis.strengths));
    children.push(heading(t('vocab.term.areasToDevelop'), HeadingLevel.HEADING_3), ...bullets(analysis.areasToDevelop));
    if (analysis.participants.length > 0) {
      children.push(heading(t('vocab.term.participants'), HeadingLevel.HEADING_3), ...bullets(analysis.participants.map((p) =>
        `${t(`vocab.participantRole.${p.role}`)}: ${p.count !== undefined ? format.number(p.count) : p.displayName ?? ''}`)));
    }
    for (const f of data.feedback.filter((x) => x.analysisId === analysis.id)) children.push(heading(t('channel.reportFeedback'), HeadingLevel.HEADING_3), ...paragraphs(f.text));
  }
  children.push(heading(t('common.actions'), HeadingLevel.HEADING_1));
  if (data.actions.length === 0) children.push(new Paragraph({ text: t('common.noActions') }));
  else children.push(table([t('common.title'), t('vocab.term.owner'), t('vocab.term.dueDate'), t('common.status'), t('channel.evaluation', { question: t('vocab.question.evaluation') })],
    data.actions.map((a) => [a.title, a.ownerName ?? '', format.date(a.dueDate), t(`vocab.actionStatus.${a.status}`), a.evaluation ?? ''])));
  children.push(heading(t('common.meetings'), HeadingLevel.HEADING_1));
  if (data.meetings.length === 0) children.push(new Paragraph({ text: t('channel.meetingsEmpty') }));
  else children.push(...bullets(data.meetings.map((m) => `${format.date(m.startsAt)} ${t(`vocab.meetingType.${m.type}`)}: ${m.title}`)));
  return new Document({
    creator: 'Kvalitetshjulet',
    title: `${t('common.qualityReport')} ${overview.unit.name} ${overview.schoolYear}`,
    sections: [{ children }],
  });
}

/** The report as a .docx Blob, for the browser's download. */
export async function buildReportBlob(data: ReportData, i18n: Pick<I18n, 't' | 'format'>): Promise<Blob> {
  return Packer.toBlob(buildReportDocument(data, i18n));
}

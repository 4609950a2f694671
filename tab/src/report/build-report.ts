// Loaded only when a report is exported: docx is a large library.
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Translate } from '../i18n/i18n';
import type { MessageKey } from '../i18n/sv';
import { analysisStatusLabel, meetingTypeLabel, phaseStateLabel, phases, roleLabel, statusLabel } from '../views/labels';
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
export function buildReportDocument(data: ReportData, t: Translate): Document {
  const { overview } = data;
  const indicatorName = (id: string) => data.indicators.find((i) => i.id === id)?.name ?? id;
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: `${t('reportTitle')}: ${overview.unit.name}`, heading: HeadingLevel.TITLE }),
    new Paragraph({ text: t('overviewCycle', { schoolYear: overview.schoolYear }) }),
    heading(t('reportCycle'), HeadingLevel.HEADING_1),
    table([t('reportCycle'), t('fieldStatus')], phases.map((p) => [t(p.label), t(phaseStateLabel[overview.cycle.phases[p.key] ?? 'notStarted'])])),
    heading(t('reportResults'), HeadingLevel.HEADING_1),
  ];
  if (data.measurements.length === 0) children.push(new Paragraph({ text: t('resultsEmpty') }));
  else {
    const sorted = [...data.measurements].sort((a, b) => indicatorName(a.indicatorId).localeCompare(indicatorName(b.indicatorId)) || a.period.localeCompare(b.period));
    children.push(table([t('fieldTitle'), t('resultsPeriod'), t('resultsValue'), t('resultsTarget')], sorted.map((m) => {
      const target = data.indicators.find((i) => i.id === m.indicatorId)?.target;
      return [indicatorName(m.indicatorId), m.period, String(m.value), target === undefined ? '–' : String(target)];
    })));
  }
  children.push(heading(t('tabAnalysis'), HeadingLevel.HEADING_1));
  if (data.analyses.length === 0) children.push(new Paragraph({ text: t('reportNoAnalysis') }));
  for (const analysis of data.analyses) {
    children.push(heading(`${t('analysisTitle', { period: analysis.period })} (${t(analysisStatusLabel[analysis.status])})`, HeadingLevel.HEADING_2));
    const questions: [MessageKey, string | undefined][] = [
      ['qFollowUp', analysis.followUp], ['qCauses', analysis.causes], ['qDirection', analysis.direction], ['qApproach', analysis.approach],
    ];
    for (const [label, text] of questions) children.push(heading(t(label), HeadingLevel.HEADING_3), ...paragraphs(text));
    children.push(heading(t('strengths'), HeadingLevel.HEADING_3), ...bullets(analysis.strengths));
    children.push(heading(t('areasToDevelop'), HeadingLevel.HEADING_3), ...bullets(analysis.areasToDevelop));
    if (analysis.participants.length > 0) {
      children.push(heading(t('participants'), HeadingLevel.HEADING_3), ...bullets(analysis.participants.map((p) =>
        `${t(roleLabel[p.role])}: ${p.count !== undefined ? String(p.count) : p.displayName ?? ''}`)));
    }
    for (const f of data.feedback.filter((x) => x.analysisId === analysis.id)) children.push(heading(t('reportFeedback'), HeadingLevel.HEADING_3), ...paragraphs(f.text));
  }
  children.push(heading(t('reportActions'), HeadingLevel.HEADING_1));
  if (data.actions.length === 0) children.push(new Paragraph({ text: t('overviewNoActions') }));
  else children.push(table([t('fieldTitle'), t('fieldOwner'), t('fieldDueDate'), t('fieldStatus'), t('fieldEvaluation')],
    data.actions.map((a) => [a.title, a.ownerName ?? '', a.dueDate, t(statusLabel[a.status]), a.evaluation ?? ''])));
  children.push(heading(t('reportMeetings'), HeadingLevel.HEADING_1));
  if (data.meetings.length === 0) children.push(new Paragraph({ text: t('meetingsEmpty') }));
  else children.push(...bullets(data.meetings.map((m) => `${m.startsAt.slice(0, 10)} ${t(meetingTypeLabel[m.type])}: ${m.title}`)));
  return new Document({
    creator: 'Kvalitetshjulet',
    title: `${t('reportTitle')} ${overview.unit.name} ${overview.schoolYear}`,
    sections: [{ children }],
  });
}

/** The report as a .docx Blob, for the browser's download. */
export async function buildReportBlob(data: ReportData, t: Translate): Promise<Blob> {
  return Packer.toBlob(buildReportDocument(data, t));
}

/**
 * The municipality's quality report (kvalitetsrapport) for a school year, as a Word document:
 * the roll-up summary first, then each unit with its submitted analysis (the cause analysis,
 * strengths before areas to develop), its results against target and its actions.
 * Drafts never appear: the report is built from what units have submitted.
 */
import { Document, Paragraph, TextRun, type FileChild } from 'docx';
import { formatterFor, phases, vocabulary } from '../../domain';
import type { Rollup, RollupData } from '../rollup';
import { bullets, heading, labelled, prose, table } from './docx-parts';

export interface QualityReportOptions {
  /** leave out who owns each action (the board's copy) */
  readonly boardSafe?: boolean;
  /** shown in the title, e.g. "Exempelstads kommun" */
  readonly organizerName?: string;
  readonly generatedAt: Date;
}

const byName = (a: string, b: string) => a.localeCompare(b, 'sv');

/** The report is read in the municipality: Swedish words from the vocabulary, numbers and dates the Swedish way, on Swedish time. */
const format = formatterFor('sv', { timeZone: 'Europe/Stockholm' });
const { phase, phaseState, question, term } = vocabulary;
const analysisState = (status: Rollup['units'][number]['analysisStatus']) => (status === 'none' ? term.noAnalysis.sv : vocabulary.analysisStatus[status].sv);

function summary(rollup: Rollup): FileChild[] {
  const submitted = rollup.units.filter((u) => u.analysisStatus === 'submitted' || u.analysisStatus === 'feedbackGiven').length;
  const overdue = rollup.overdueActions.reduce((sum, entry) => sum + entry.actions.length, 0);
  const openDeficiencies = rollup.deficiencies.filter((d) => d.status === 'open').length;
  const children: FileChild[] = [
    heading('Sammanfattning', 1),
    new Paragraph({
      text: `${rollup.units.length} enheter ingår. ${submitted} har lämnat in sin analys för läsåret, ${rollup.awaitingFeedback.length} väntar på återkoppling. `
        + `${overdue} åtgärder är försenade och ${openDeficiencies} brister är öppna.`,
      spacing: { after: 160 },
    }),
    heading('Kvalitetshjulet per enhet', 2),
    table(
      ['Enhet', ...phases.map((p) => phase[p].sv), phase.analysis.sv],
      rollup.units.map((u) => [u.name, ...phases.map((p) => phaseState[u.cycle.phases[p]].sv), analysisState(u.analysisStatus)]),
    ),
    heading('Gemensamma utvecklingsområden', 2),
    ...bullets(rollup.commonAreasToDevelop.map((a) => `${a.area} (${a.count} ${a.count === 1 ? 'enhet' : 'enheter'})`), 'Inga inlämnade analyser anger utvecklingsområden ännu.'),
    heading('Resultat mot mål', 2),
  ];
  const [current, ...earlier] = rollup.years;
  children.push(table(
    ['Indikator', 'Mål', ...rollup.years.map((y) => `Snitt ${y}`), 'Når målet'],
    rollup.indicators.map((i) => [
      i.name,
      format.number(i.target),
      ...[current, ...earlier].map((y) => format.number(y === undefined ? undefined : i.averages[y])),
      i.target === undefined ? '–' : `${i.meetingTarget} av ${i.withValue}`,
    ]),
  ));
  return children;
}

function unitSection(data: RollupData, rollup: Rollup, unitId: string, options: QualityReportOptions): FileChild[] {
  const unit = rollup.units.find((u) => u.unitId === unitId);
  if (!unit) return [];
  const analyses = data.analyses
    .filter((a) => a.fields.unitId === unitId && a.fields.schoolYear === rollup.schoolYear && a.fields.status !== 'draft')
    .sort((a, b) => byName(a.fields.period, b.fields.period));
  const children: FileChild[] = [
    heading(unit.name, 1),
    labelled(term.schoolUnitCode.sv, unit.schoolUnitCode),
    labelled('Kvalitetshjulet', phases.map((p) => `${phase[p].sv}: ${phaseState[unit.cycle.phases[p]].sv.toLocaleLowerCase('sv-SE')}`).join(', ')),
  ];
  if (analyses.length === 0) {
    children.push(new Paragraph({ children: [new TextRun({ text: 'Enheten har inte lämnat in någon analys för läsåret.', italics: true })] }));
  }
  for (const analysis of analyses) {
    const a = analysis.fields;
    children.push(
      heading(analyses.length > 1 ? `${phase.analysis.sv} ${a.period}` : phase.analysis.sv, 2),
      labelled('Status', vocabulary.analysisStatus[a.status].sv),
      heading(question.followUp.sv, 3), ...prose(a.followUp),
      heading('Orsaksanalys', 3), new Paragraph({ children: [new TextRun({ text: question.causes.sv, italics: true })] }), ...prose(a.causes),
      heading(term.strengths.sv, 3), ...bullets(a.strengths),
      heading(term.areasToDevelop.sv, 3), ...bullets(a.areasToDevelop),
      heading(question.direction.sv, 3), ...prose(a.direction),
      heading(question.approach.sv, 3), ...prose(a.approach),
      heading(question.evaluation.sv, 3), ...prose(a.evaluation),
    );
  }

  children.push(heading('Resultat', 2));
  const results = rollup.indicators
    .map((i) => ({ indicator: i, result: i.units.find((r) => r.unitId === unitId) }))
    .filter((entry) => entry.result && Object.keys(entry.result.values).length > 0);
  if (results.length === 0) children.push(...prose(undefined, 'Inga resultat registrerade.'));
  else {
    children.push(table(
      ['Indikator', ...rollup.years, 'Mål', 'Når målet'],
      results.map(({ indicator, result }) => [
        indicator.name,
        ...rollup.years.map((y) => format.number(result?.values[y])),
        format.number(indicator.target),
        result?.meetsTarget === undefined ? '–' : result.meetsTarget ? 'Ja' : 'Nej',
      ]),
    ));
  }

  children.push(heading('Åtgärder', 2));
  const actions = data.actions
    .filter((a) => a.fields.unitId === unitId && a.fields.schoolYear === rollup.schoolYear)
    .sort((a, b) => a.fields.dueDate.localeCompare(b.fields.dueDate));
  if (actions.length === 0) children.push(...prose(undefined, 'Inga åtgärder för läsåret.'));
  else {
    const overdue = new Set(rollup.overdueActions.flatMap((entry) => entry.actions.map((a) => a.id)));
    const header = options.boardSafe ? ['Åtgärd', term.dueDate.sv, 'Status'] : ['Åtgärd', term.owner.sv, term.dueDate.sv, 'Status'];
    children.push(table(header, actions.map((item) => {
      const a = item.fields;
      const status = `${vocabulary.actionStatus[a.status].sv}${overdue.has(item.id) ? ` (${term.overdue.sv.toLocaleLowerCase('sv-SE')})` : ''}`;
      const due = format.date(a.dueDate);
      return options.boardSafe ? [a.title, due, status] : [a.title, a.ownerName ?? '–', due, status];
    })));
  }

  const deficiencies = rollup.deficiencies.filter((d) => d.unitId === unitId);
  if (deficiencies.length > 0) {
    children.push(heading('Brister', 2));
    children.push(table(
      [vocabulary.originKind.deficiency.sv, 'Källa', 'Upptäckt', 'Status', 'Åtgärder'],
      deficiencies.map((d) => [d.title, vocabulary.deficiencySource[d.source].sv, format.date(d.foundOn), vocabulary.deficiencyStatus[d.status].sv, d.actions.map((a) => a.title).join('; ') || '–']),
    ));
  }
  return children;
}

/** Builds the document; pack it with docx's Packer. */
export function buildQualityReport(data: RollupData, rollup: Rollup, options: QualityReportOptions): Document {
  const title = `Kvalitetsrapport läsåret ${rollup.schoolYear}`;
  const children: FileChild[] = [
    new Paragraph({ text: title, heading: 'Title' }),
    new Paragraph({
      text: `${options.organizerName ? `${options.organizerName}. ` : ''}Huvudmannens sammanställning av enheternas systematiska kvalitetsarbete. Skapad ${format.date(options.generatedAt)}.`,
      spacing: { after: 240 },
    }),
    ...summary(rollup),
    ...rollup.units.flatMap((u) => unitSection(data, rollup, u.unitId, options)),
  ];
  return new Document({
    creator: 'Kvalitetshjulet',
    title,
    description: `Kvalitetsrapport ${rollup.schoolYear}`,
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [{ children }],
  });
}

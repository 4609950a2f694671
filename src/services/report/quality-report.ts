/**
 * The municipality's quality report (kvalitetsrapport) for a school year, as a Word document in
 * Swedish: the roll-up summary first, then each unit's chapter (see unit-chapter.ts).
 * Drafts never appear: the report is built from what units have submitted.
 */
import { Paragraph, type Document, type FileChild } from 'docx';
import { formatterFor, phases, vocabulary } from '../../domain';
import type { Rollup, RollupData } from '../rollup';
import { bullets, heading, labelled, table, reportDocument } from './docx-parts';
import { unitChapter, wordsOf, type ReportContext } from './unit-chapter';

export interface QualityReportOptions {
  /** leave out people's names (the board's copy) */
  readonly boardSafe?: boolean;
  /** the municipality, shown under the title, e.g. "Barn- och utbildningsnämnden i Exempelstad" */
  readonly organizerName?: string;
  readonly generatedAt: Date;
}

/** The report is read in the municipality: Swedish words, numbers and dates the Swedish way, on Swedish time. */
export const swedishFormat = formatterFor('sv', { timeZone: 'Europe/Stockholm' });
const { say, pick } = wordsOf('sv');
const analysisState = (status: Rollup['units'][number]['analysisStatus']) => (status === 'none' ? vocabulary.term.noAnalysis.sv : pick(vocabulary.analysisStatus, status));

function summary(rollup: Rollup): FileChild[] {
  const submitted = rollup.units.filter((u) => u.analysisStatus === 'submitted' || u.analysisStatus === 'feedbackGiven').length;
  const overdue = rollup.overdueActions.reduce((sum, entry) => sum + entry.actions.length, 0);
  const openDeficiencies = rollup.deficiencies.filter((d) => d.status === 'open').length;
  const [current] = rollup.years;
  const years = rollup.years.filter((y) => rollup.indicators.some((i) => i.averages[y] !== undefined));
  // the municipality's own figure from Kolada for the school year, beside the averages of the units, where it has one
  const kolada = current !== undefined && rollup.indicators.some((i) => i.municipality?.[current] !== undefined);
  return [
    heading(say('summary'), 1),
    new Paragraph({
      text: `${rollup.units.length} enheter ingår. ${submitted} har lämnat in sin analys för läsåret, ${rollup.awaitingFeedback.length} väntar på återkoppling. `
        + `${overdue} åtgärder är försenade och ${openDeficiencies} brister är öppna.`,
      spacing: { after: 160 },
    }),
    heading(say('cyclePerUnit'), 2),
    table(
      [say('unit'), ...phases.map((p) => pick(vocabulary.phase, p)), say('analysisState')],
      rollup.units.map((u) => [u.name, ...phases.map((p) => pick(vocabulary.phaseState, u.cycle.phases[p])), analysisState(u.analysisStatus)]),
    ),
    heading(say('commonAreas'), 2),
    ...bullets(rollup.commonAreasToDevelop.map((a) => `${a.area} (${a.count} ${a.count === 1 ? 'enhet' : 'enheter'})`), say('noCommonAreas')),
    heading(say('resultsAgainstTargets'), 2),
    table(
      [say('indicator'), say('target'), ...years.map((y) => `${say('averageOf')} ${y}`), ...(kolada ? [`${say('koladaMunicipality')} ${current}`] : []), say('meetsTarget')],
      rollup.indicators.map((i) => [
        i.name,
        swedishFormat.measure(i.target, i.unitOfMeasure),
        ...years.map((y) => swedishFormat.measure(i.averages[y], i.unitOfMeasure)),
        ...(kolada ? [swedishFormat.measure(current === undefined ? undefined : i.municipality?.[current], i.unitOfMeasure)] : []),
        i.target === undefined || current === undefined ? '–' : `${i.meetingTarget} av ${i.withValue}`,
      ]),
    ),
  ];
}

/** Builds the document; pack it with docx's Packer. */
export function buildQualityReport(data: RollupData, rollup: Rollup, options: QualityReportOptions): Document {
  const context: ReportContext = { language: 'sv', format: swedishFormat, boardSafe: options.boardSafe === true, drafts: false };
  const children: FileChild[] = [
    new Paragraph({
      text: `${options.organizerName ? `${options.organizerName}. ` : ''}${say('organizerIntro')} ${say('createdOn')} ${swedishFormat.date(options.generatedAt)}.`,
      spacing: { after: 240 },
    }),
    ...summary(rollup),
    ...rollup.units.flatMap((u) => [
      heading(u.name, 1),
      labelled(vocabulary.term.schoolUnitCode.sv, u.schoolUnitCode),
      labelled(say('cycle'), phases.map((p) => `${pick(vocabulary.phase, p)}: ${pick(vocabulary.phaseState, u.cycle.phases[p]).toLocaleLowerCase('sv-SE')}`).join(', ')),
      ...unitChapter(data, rollup, u.unitId, context, 2),
    ]),
  ];
  return reportDocument(`${say('qualityReport')} läsåret ${rollup.schoolYear}`, 'sv', children);
}

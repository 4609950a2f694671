/**
 * A unit's quality report for a school year, as a Word document in the reader's language: the
 * municipality, the unit and its cycle, then its chapter (see unit-chapter.ts), as the
 * municipality's report prints it for every unit.
 */
import { Paragraph, type Document } from 'docx';
import { phases, vocabulary } from '../../domain';
import type { Rollup, RollupData } from '../rollup';
import { heading, labelled, reportDocument, table } from './docx-parts';
import { unitChapter, wordsOf, type ReportContext } from './unit-chapter';

export interface UnitReportOptions {
  readonly organizerName?: string;
  readonly generatedAt: Date;
}

/** Builds the document for a unit of the roll-up; undefined when the roll-up has no such unit. */
export function buildUnitReport(data: RollupData, rollup: Rollup, unitId: string, context: ReportContext, options: UnitReportOptions): Document | undefined {
  const unit = rollup.units.find((u) => u.unitId === unitId);
  if (!unit) return undefined;
  const { language, format } = context;
  const { say, pick } = wordsOf(language);
  return reportDocument(`${say('qualityReport')}: ${unit.name}`, language, [
    new Paragraph({
      text: [options.organizerName, `${say('schoolYear')} ${rollup.schoolYear}`, `${say('createdOn')} ${format.date(options.generatedAt)}`].filter((x) => x).join('. ') + '.',
      spacing: { after: 120 },
    }),
    new Paragraph({ text: say('unitIntro'), spacing: { after: 120 } }),
    labelled(vocabulary.term.schoolUnitCode[language], unit.schoolUnitCode),
    labelled(vocabulary.term.unitType[language], pick(vocabulary.unitType, unit.type)),
    heading(say('cycle'), 1),
    table([say('phaseColumn'), say('status')], phases.map((p) => [pick(vocabulary.phase, p), pick(vocabulary.phaseState, unit.cycle.phases[p])])),
    ...unitChapter(data, rollup, unitId, context, 1),
  ]);
}


import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { analysisQuestions, type AnalysisQuestion } from '../../../../src/domain/choices';
import { useI18n } from '../../i18n/i18n';
import type { Analysis } from '../../../../src/contract';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  text: { whiteSpace: 'pre-wrap' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  question: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

/** What a reading shows of an analysis: the administration's full item, or another unit's shared copy. */
export type ReadableAnalysis = Pick<Analysis, 'id' | 'period' | 'submittedAt'> & Partial<Pick<Analysis, AnalysisQuestion>> & {
  readonly strengths: readonly string[];
  readonly areasToDevelop: readonly string[];
};

/** The heading levels a reading takes: its title, and one below for its parts. */
const levels = { 3: ['h3', 'h4'], 4: ['h4', 'h5'] } as const;

/** A unit's submitted analysis, strengths first: for the administration to answer, or for another unit to learn from. */
export function AnalysisReading({ analysis, level = 3 }: { analysis: ReadableAnalysis; level?: keyof typeof levels }) {
  const styles = useStyles();
  const { t, format } = useI18n();
  const [title, part] = levels[level];
  return (
    <article className={styles.root} aria-labelledby={`analysis-${analysis.id}`}>
      <Text as={title} id={`analysis-${analysis.id}`} size={400} weight="semibold">{t('common.analysisOf', { period: analysis.period })}</Text>
      {analysis.submittedAt && <Text size={200}>{t('organizer.submittedOn', { date: format.date(analysis.submittedAt) })}</Text>}
      <Text as={part} weight="semibold">{t('vocab.term.strengths')}</Text>
      <ul className={styles.list}>{analysis.strengths.map((s) => <li key={s}>{s}</li>)}</ul>
      <Text as={part} weight="semibold">{t('vocab.term.areasToDevelop')}</Text>
      <ul className={styles.list}>{analysis.areasToDevelop.map((s) => <li key={s}>{s}</li>)}</ul>
      {analysisQuestions.filter((q) => analysis[q]).map((q) => (
        <div key={q} className={styles.question}>
          <Text as={part} weight="semibold">{t(`vocab.question.${q}`)}</Text>
          <Text as="p" className={styles.text}>{analysis[q]}</Text>
        </div>
      ))}
    </article>
  );
}

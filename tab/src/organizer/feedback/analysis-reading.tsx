import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { analysisQuestions } from '../../../../src/domain/choices';
import { useI18n } from '../../i18n/i18n';
import type { Analysis } from '../../../../src/contract';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  text: { whiteSpace: 'pre-wrap' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  question: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

/** A unit's submitted analysis, strengths first, for the administration to answer. */
export function AnalysisReading({ analysis }: { analysis: Analysis }) {
  const styles = useStyles();
  const { t, format } = useI18n();
  return (
    <article className={styles.root} aria-labelledby={`analysis-${analysis.id}`}>
      <Text as="h3" id={`analysis-${analysis.id}`} size={400} weight="semibold">{t('common.analysisOf', { period: analysis.period })}</Text>
      {analysis.submittedAt && <Text size={200}>{t('organizer.submittedOn', { date: format.date(analysis.submittedAt) })}</Text>}
      <Text as="h4" weight="semibold">{t('vocab.term.strengths')}</Text>
      <ul className={styles.list}>{analysis.strengths.map((s) => <li key={s}>{s}</li>)}</ul>
      <Text as="h4" weight="semibold">{t('vocab.term.areasToDevelop')}</Text>
      <ul className={styles.list}>{analysis.areasToDevelop.map((s) => <li key={s}>{s}</li>)}</ul>
      {analysisQuestions.filter((q) => analysis[q]).map((q) => (
        <div key={q} className={styles.question}>
          <Text as="h4" weight="semibold">{t(`vocab.question.${q}`)}</Text>
          <Text as="p" className={styles.text}>{analysis[q]}</Text>
        </div>
      ))}
    </article>
  );
}

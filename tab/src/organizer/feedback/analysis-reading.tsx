import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { formatDate } from '../../util/dates';
import type { OrganizerMessageKey } from '../messages-sv';
import { useOrganizerText } from '../organizer-i18n';
import type { Analysis } from '../../../../src/contract';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  text: { whiteSpace: 'pre-wrap' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  question: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

const questions: readonly { field: 'followUp' | 'causes' | 'direction' | 'approach' | 'evaluation'; label: OrganizerMessageKey }[] = [
  { field: 'followUp', label: 'qFollowUp' },
  { field: 'causes', label: 'qCauses' },
  { field: 'direction', label: 'qDirection' },
  { field: 'approach', label: 'qApproach' },
  { field: 'evaluation', label: 'qEvaluation' },
];

/** A unit's submitted analysis, strengths first, for the administration to answer. */
export function AnalysisReading({ analysis }: { analysis: Analysis }) {
  const styles = useStyles();
  const { t, language } = useOrganizerText();
  return (
    <article className={styles.root} aria-labelledby={`analysis-${analysis.id}`}>
      <Text as="h3" id={`analysis-${analysis.id}`} size={400} weight="semibold">{t('feedbackAnalysisOf', { period: analysis.period })}</Text>
      {analysis.submittedAt && <Text size={200}>{t('submittedOn', { date: formatDate(analysis.submittedAt, language) })}</Text>}
      <Text as="h4" weight="semibold">{t('strengths')}</Text>
      <ul className={styles.list}>{analysis.strengths.map((s) => <li key={s}>{s}</li>)}</ul>
      <Text as="h4" weight="semibold">{t('areasToDevelop')}</Text>
      <ul className={styles.list}>{analysis.areasToDevelop.map((s) => <li key={s}>{s}</li>)}</ul>
      {questions.filter((q) => analysis[q.field]).map((q) => (
        <div key={q.field} className={styles.question}>
          <Text as="h4" weight="semibold">{t(q.label)}</Text>
          <Text as="p" className={styles.text}>{analysis[q.field]}</Text>
        </div>
      ))}
    </article>
  );
}

import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { FollowUpTemplate } from '../../../src/contract';
import { questionText } from '../../../src/domain/follow-up';
import { useI18n } from '../i18n/i18n';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

/** One of the meeting type's question lists, in the tab's language (Swedish where a question has no English). */
function Questions({ heading, questions }: { heading: string; questions: FollowUpTemplate['questions'] }) {
  const styles = useStyles();
  const { language } = useI18n();
  const id = useId();
  return (
    <div className={styles.root} role="group" aria-labelledby={id}>
      <Text id={id} weight="semibold">{heading}</Text>
      <ol className={styles.list}>
        {questions.map((question) => <li key={question.id}><Text>{questionText(question, language)}</Text></li>)}
      </ol>
    </div>
  );
}

/** The meeting type's questions: `before` those to prepare, `after` those asked when it has ended, or both. */
export function TemplateQuestions({ template, show }: { template: FollowUpTemplate | null; show: 'before' | 'both' }) {
  const styles = useStyles();
  const { t } = useI18n();
  const before = template?.beforeQuestions ?? [];
  const after = show === 'both' ? template?.questions ?? [] : [];
  if (before.length === 0 && after.length === 0) return <Text>{t(show === 'before' ? 'meeting.questionsBeforeEmpty' : 'meeting.questionsEmpty')}</Text>;
  return (
    <div className={styles.root} data-testid={`template-questions-${show}`}>
      {before.length > 0 && <Questions heading={t('meeting.questionsBefore')} questions={before} />}
      {after.length > 0 && <Questions heading={t('meeting.questionsAfter')} questions={after} />}
    </div>
  );
}

import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { FollowUpTemplate } from '../../../src/contract';
import { useI18n } from '../i18n/i18n';

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

/** The meeting type's questions, in the tab's language. */
export function TemplateQuestions({ template }: { template: FollowUpTemplate | null }) {
  const styles = useStyles();
  const { language, t } = useI18n();
  if (!template || template.questions.length === 0) return <Text>{t('meeting.questionsEmpty')}</Text>;
  return (
    <ol className={styles.list}>
      {template.questions.map((question) => <li key={question.id}><Text>{question[language]}</Text></li>)}
    </ol>
  );
}

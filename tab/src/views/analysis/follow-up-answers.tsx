import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { ProblemError } from '../../api/problem-error';
import type { MeetingAnswers } from '../../../../src/contract';
import { useSession } from '../../auth/session';
import { ProblemBar } from '../../components/problem-bar';
import { useLoad } from '../../hooks/use-load';
import { useI18n } from '../../i18n/i18n';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  question: { margin: `${tokens.spacingVerticalXS} 0 0 0` },
  answers: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

/**
 * The answers the unit's people gave to the follow-up questions after its meetings this school
 * year: material for the analysis, shown beside it. Who answered is not shown.
 */
export function FollowUpAnswers({ unitId, schoolYear }: { unitId: string; schoolYear: string }) {
  const { t, language, format } = useI18n();
  const { api } = useSession();
  const styles = useStyles();
  const [state] = useLoad<readonly MeetingAnswers[]>(async () => (await api.followUpAnswers(unitId, schoolYear)).items, `${unitId}:${schoolYear}`);
  if (state.status === 'loading') return null;
  // Only the unit's own people and the administration read its answers; others see the analysis alone.
  if (state.status === 'error') return state.error instanceof ProblemError && [403, 404].includes(state.error.status) ? null : <ProblemBar error={state.error} />;
  return (
    <section aria-labelledby="follow-up-answers-heading" className={styles.root}>
      <Text as="h3" id="follow-up-answers-heading" size={400} weight="semibold">{t('channel.followUpAnswersTitle')}</Text>
      {state.data.length === 0 && <Text>{t('channel.followUpAnswersNone')}</Text>}
      {state.data.map((meeting) => (
        <div key={meeting.meetingId}>
          <Text as="h4" weight="semibold" block>
            {t('channel.followUpAnswersMeeting', { title: meeting.title, date: format.date(meeting.startsAt), answers: t('common.answerCount', { count: meeting.respondents }) })}
          </Text>
          {meeting.questions.map((question) => (
            <div key={question.questionId}>
              <Text as="p" italic className={styles.question}>{question[language]}</Text>
              {question.scaleMean !== undefined && <Text as="p">{`${t('common.scaleMean', { mean: format.number(question.scaleMean, 1) })} (${t('common.answerCount', { count: question.scaleCount })})`}</Text>}
              {question.texts.length > 0 && (
                <ul className={styles.answers}>
                  {question.texts.map((text, i) => <li key={i}><Text>{text}</Text></li>)}
                </ul>
              )}
            </div>
          ))}
        </div>
      ))}
    </section>
  );
}

import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useSession } from '../auth/session';
import { ProblemBar } from '../components/problem-bar';
import { StatusScreen } from '../components/status-screen';
import { TabBar } from '../components/tab-bar';
import { dueDateLine } from '../../../src/domain/vocabulary';
import type { MeetingLive } from '../../../src/contract';
import { MeetingApi } from './meeting-api';
import { OriginNote } from './origin-note';
import { useI18n } from '../i18n/i18n';
import { participantLabel } from './participation';
import { PreparationPack } from './preparation-pack';
import { useLiveMeeting } from './use-live-meeting';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, padding: tokens.spacingHorizontalL, maxWidth: '960px' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

/** A meeting counts as held once it ended, or three hours after it started. */
export function isHeld(meeting: { startsAt: string; endedAt?: string }, now: Date): boolean {
  return meeting.endedAt !== undefined || now.getTime() > new Date(meeting.startsAt).getTime() + 3 * 3_600_000;
}

/** The details tab (and the meeting chat tab): the preparation pack before the meeting, the summary after it. */
export function DetailsView(props: { meetingId: string; now?: Date }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { api } = useSession();
  const meetingApi = useMemo(() => new MeetingApi(api), [api]);
  const [state] = useLiveMeeting(meetingApi, props.meetingId, { intervalMs: 5000 });
  const [chosen, setChosen] = useState<'preparation' | 'summary' | null>(null);

  if (state.status === 'loading') return <StatusScreen busy message={t('meeting.loadingMeeting')} />;
  if (state.status === 'error') return <StatusScreen title={t('common.errorTitle')}><ProblemBar error={state.error} /></StatusScreen>;
  const { live } = state;
  const tab = chosen ?? (isHeld(live.meeting, props.now ?? new Date()) ? 'summary' : 'preparation');

  return (
    <main className={styles.root} aria-label={live.meeting.title}>
      <Text as="h1" size={600} weight="semibold">{live.meeting.title}</Text>
      <TabBar
        items={[{ value: 'preparation', label: t('meeting.detailsPreparation') }, { value: 'summary', label: t('meeting.detailsSummary') }]}
        selected={tab}
        onSelect={setChosen}
      />
      <div role="tabpanel" aria-label={t(tab === 'summary' ? 'meeting.detailsSummary' : 'meeting.detailsPreparation')}>
        {tab === 'summary' ? <MeetingSummary live={live} /> : live.meeting.unitId ? <PreparationPack meeting={live.meeting} unitId={live.meeting.unitId} /> : null}
      </div>
    </main>
  );
}

/** After the meeting: actions with owners, decisions, participation and the answers so far. */
function MeetingSummary({ live: current }: { live: MeetingLive }) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t, format } = i18n;
  const decisions = current.meeting.agenda.flatMap((item) => (item.decisions ?? []).map((text) => ({ item: item.title, text })));
  return (
    <div className={styles.section} data-testid="meeting-summary">
      <section className={styles.section} aria-labelledby="kh-sum-actions">
        <Text as="h2" id="kh-sum-actions" size={500} weight="semibold">{t('meeting.summaryActions')}</Text>
        {current.actions.length === 0 ? <Text>{t('common.noActionsYet')}</Text> : (
          <ul className={styles.list}>
            {current.actions.map((action) => (
              <li key={action.id} data-testid="summary-action">
                <Text weight="semibold">{action.title}</Text>
                <Text> · {t('vocab.term.owner')}: {action.ownerName ?? action.ownerId} · {dueDateLine(action.dueDate, format)} · {t(`vocab.actionStatus.${action.status}`)}</Text>
                <OriginNote action={action} prefix=" · " />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className={styles.section} aria-labelledby="kh-sum-decisions">
        <Text as="h2" id="kh-sum-decisions" size={500} weight="semibold">{t('meeting.decisions')}</Text>
        {decisions.length === 0 ? <Text>{t('meeting.decisionsEmpty')}</Text> : (
          <ul className={styles.list}>
            {decisions.map((decision, index) => <li key={index} data-testid="summary-decision"><Text>{decision.item}: {decision.text}</Text></li>)}
          </ul>
        )}
      </section>
      <section className={styles.section} aria-labelledby="kh-sum-participants">
        <Text as="h2" id="kh-sum-participants" size={500} weight="semibold">{t('vocab.term.participants')}</Text>
        {current.meeting.participants.length === 0 ? <Text>{t('meeting.notParticipating')}</Text> : (
          <ul className={styles.list}>
            {current.meeting.participants.map((entry, index) => (
              <li key={index}><Text>{participantLabel(entry, i18n)}</Text></li>
            ))}
          </ul>
        )}
      </section>
      <section className={styles.section} aria-labelledby="kh-sum-answers">
        <Text as="h2" id="kh-sum-answers" size={500} weight="semibold">{t('meeting.summaryAnswers')}</Text>
        <FollowUpAnswers live={current} />
      </section>
    </div>
  );
}

/** The answers so far: per question, the scale's average or the written answers. */
function FollowUpAnswers({ live }: { live: MeetingLive }) {
  const { language, t, format } = useI18n();
  if (live.responses.length === 0 || !live.template) return <Text>{t('common.noAnswersYet')}</Text>;
  return (
    <>
      <Text>{t('meeting.summaryAnswersCount', { count: live.responses.length })}</Text>
      <ul>
        {live.template.questions.map((question) => {
          const answers = live.responses.flatMap((response) => response.answers.filter((answer) => answer.questionId === question.id));
          const scales = answers.map((answer) => answer.scale).filter((value): value is number => value !== undefined);
          const texts = answers.map((answer) => answer.text).filter((value): value is string => Boolean(value));
          const average = scales.length ? scales.reduce((sum, value) => sum + value, 0) / scales.length : undefined;
          return (
            <li key={question.id}>
              <Text weight="semibold">{question[language]}</Text>
              {average !== undefined && <Text> {t('common.scaleMean', { mean: format.number(average, 1) })}</Text>}
              {texts.length > 0 && <ul>{texts.map((text, index) => <li key={index}><Text>{text}</Text></li>)}</ul>}
            </li>
          );
        })}
      </ul>
    </>
  );
}

import { Tab, TabList, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useSession } from '../auth/session';
import { ProblemBar } from '../components/problem-bar';
import { StatusScreen } from '../components/status-screen';
import { roleLabel, statusLabel } from '../views/labels';
import type { MeetingLive } from '../../../src/contract';
import { MeetingApi } from './meeting-api';
import { OriginNote } from './origin-note';
import { useMeetingText } from './meeting-text';
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
  const { t, mt } = useMeetingText();
  const { api } = useSession();
  const meetingApi = useMemo(() => new MeetingApi(api), [api]);
  const [state] = useLiveMeeting(meetingApi, props.meetingId, { intervalMs: 5000 });
  const [chosen, setChosen] = useState<'preparation' | 'summary' | null>(null);

  if (state.status === 'loading') return <StatusScreen busy message={mt('loadingMeeting')} />;
  if (state.status === 'error') return <StatusScreen title={t('errorTitle')}><ProblemBar error={state.error} /></StatusScreen>;
  const { live } = state;
  const tab = chosen ?? (isHeld(live.meeting, props.now ?? new Date()) ? 'summary' : 'preparation');

  return (
    <main className={styles.root} aria-label={live.meeting.title}>
      <Text as="h1" size={600} weight="semibold">{live.meeting.title}</Text>
      <TabList selectedValue={tab} onTabSelect={(_, data) => setChosen(data.value as 'preparation' | 'summary')}>
        <Tab value="preparation">{mt('detailsPreparation')}</Tab>
        <Tab value="summary">{mt('detailsSummary')}</Tab>
      </TabList>
      <div role="tabpanel" aria-label={mt(tab === 'summary' ? 'detailsSummary' : 'detailsPreparation')}>
        {tab === 'summary' ? <MeetingSummary live={live} /> : live.meeting.unitId ? <PreparationPack meeting={live.meeting} unitId={live.meeting.unitId} /> : null}
      </div>
    </main>
  );
}

/** After the meeting: actions with owners, decisions, participation and the answers so far. */
function MeetingSummary({ live: current }: { live: MeetingLive }) {
  const styles = useStyles();
  const { t, mt } = useMeetingText();
  const decisions = current.meeting.agenda.flatMap((item) => (item.decisions ?? []).map((text) => ({ item: item.title, text })));
  return (
    <div className={styles.section} data-testid="meeting-summary">
      <section className={styles.section} aria-labelledby="kh-sum-actions">
        <Text as="h2" id="kh-sum-actions" size={500} weight="semibold">{mt('summaryActions')}</Text>
        {current.actions.length === 0 ? <Text>{mt('actionsEmpty')}</Text> : (
          <ul className={styles.list}>
            {current.actions.map((action) => (
              <li key={action.id} data-testid="summary-action">
                <Text weight="semibold">{action.title}</Text>
                <Text> · {mt('owner')}: {action.ownerName ?? action.ownerId} · {mt('due')}: {action.dueDate} · {t(statusLabel[action.status])}</Text>
                <OriginNote action={action} prefix=" · " />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className={styles.section} aria-labelledby="kh-sum-decisions">
        <Text as="h2" id="kh-sum-decisions" size={500} weight="semibold">{mt('summaryDecisions')}</Text>
        {decisions.length === 0 ? <Text>{mt('decisionsEmpty')}</Text> : (
          <ul className={styles.list}>
            {decisions.map((decision, index) => <li key={index} data-testid="summary-decision"><Text>{decision.item}: {decision.text}</Text></li>)}
          </ul>
        )}
      </section>
      <section className={styles.section} aria-labelledby="kh-sum-participants">
        <Text as="h2" id="kh-sum-participants" size={500} weight="semibold">{mt('summaryParticipants')}</Text>
        {current.meeting.participants.length === 0 ? <Text>{mt('notParticipating')}</Text> : (
          <ul className={styles.list}>
            {current.meeting.participants.map((entry, index) => (
              <li key={index}><Text>{entry.count !== undefined ? `${t(roleLabel[entry.role])}: ${entry.count}` : `${entry.displayName ?? ''} (${t(roleLabel[entry.role])})`}</Text></li>
            ))}
          </ul>
        )}
      </section>
      <section className={styles.section} aria-labelledby="kh-sum-answers">
        <Text as="h2" id="kh-sum-answers" size={500} weight="semibold">{mt('summaryAnswers')}</Text>
        <FollowUpAnswers live={current} />
      </section>
    </div>
  );
}

/** The answers so far: per question, the scale's average or the written answers. */
function FollowUpAnswers({ live }: { live: MeetingLive }) {
  const { language, mt } = useMeetingText();
  if (live.responses.length === 0 || !live.template) return <Text>{mt('summaryNoAnswers')}</Text>;
  return (
    <>
      <Text>{mt('summaryAnswersCount', { count: live.responses.length })}</Text>
      <ul>
        {live.template.questions.map((question) => {
          const answers = live.responses.flatMap((response) => response.answers.filter((answer) => answer.questionId === question.id));
          const scales = answers.map((answer) => answer.scale).filter((value): value is number => value !== undefined);
          const texts = answers.map((answer) => answer.text).filter((value): value is string => Boolean(value));
          const average = scales.length ? (scales.reduce((sum, value) => sum + value, 0) / scales.length).toFixed(1) : undefined;
          return (
            <li key={question.id}>
              <Text weight="semibold">{language === 'en' ? question.en : question.sv}</Text>
              {average !== undefined && <Text> {mt('scaleAverage', { value: average })}</Text>}
              {texts.length > 0 && <ul>{texts.map((text, index) => <li key={index}><Text>{text}</Text></li>)}</ul>}
            </li>
          );
        })}
      </ul>
    </>
  );
}

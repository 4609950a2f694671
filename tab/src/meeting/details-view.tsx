import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useSession } from '../auth/session';
import { ProblemBar } from '../components/problem-bar';
import { StatusScreen } from '../components/status-screen';
import { TabBar } from '../components/tab-bar';
import type { MeetingLive } from '../../../src/contract';
import { MeetingApi } from './meeting-api';
import { useI18n } from '../i18n/i18n';
import { MeetingRecord } from './meeting-record';
import { questionText } from '../../../src/domain/follow-up';
import { PreparationPack } from './preparation-pack';
import { useLiveMeeting } from './use-live-meeting';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, padding: tokens.spacingHorizontalL, maxWidth: '960px' },
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
        {tab === 'summary' ? <MeetingSummary live={live} /> : live.meeting.unitId ? <PreparationPack meeting={live.meeting} unitId={live.meeting.unitId} template={live.template} /> : null}
      </div>
    </main>
  );
}

/** After the meeting: its record, with the answers so far by question. */
function MeetingSummary({ live }: { live: MeetingLive }) {
  return <MeetingRecord live={live} headingLevel="h2" answers={<FollowUpAnswers live={live} />} />;
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
              <Text weight="semibold">{questionText(question, language)}</Text>
              {average !== undefined && <Text> {t('common.scaleMean', { mean: format.number(average, 1) })}</Text>}
              {texts.length > 0 && <ul>{texts.map((text, index) => <li key={index}><Text>{text}</Text></li>)}</ul>}
            </li>
          );
        })}
      </ul>
    </>
  );
}

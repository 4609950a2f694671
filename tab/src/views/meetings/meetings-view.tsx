import {
  Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { Meeting, MeetingLive } from '../../../../src/contract';
import { questionText } from '../../../../src/domain/follow-up';
import { invariant } from '../../../../src/domain/invariant';
import { useSession } from '../../auth/session';
import { ProblemBar } from '../../components/problem-bar';
import { StatusScreen } from '../../components/status-screen';
import { useLoad } from '../../hooks/use-load';
import { useI18n } from '../../i18n/i18n';
import { MeetingApi } from '../../meeting/meeting-api';
import { MeetingRecord } from '../../meeting/meeting-record';

const useStyles = makeStyles({
  header: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  answers: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  dl: { margin: 0 },
  dd: { marginLeft: tokens.spacingHorizontalL, marginBottom: tokens.spacingVerticalS, whiteSpace: 'pre-wrap' },
});

/** Each participant's answers, with the template's questions. */
function Answers({ live }: { live: MeetingLive }) {
  const styles = useStyles();
  const { t, language } = useI18n();
  if (live.responses.length === 0) return <Text>{t('common.noAnswersYet')}</Text>;
  const question = (id: string) => {
    const found = live.template?.questions.find((q) => q.id === id);
    return found ? questionText(found, language) : id;
  };
  return (
    <div className={styles.answers}>
      {live.responses.map((r) => (
        <dl key={r.id} className={styles.dl}>
          {r.answers.map((a) => (
            <div key={a.questionId}>
              <dt><Text weight="semibold">{question(a.questionId)}</Text></dt>
              <dd className={styles.dd}>{a.scale !== undefined ? t('channel.scaleAnswer', { value: a.scale }) : ''}{a.text ? ` ${a.text}` : ''}</dd>
            </div>
          ))}
        </dl>
      ))}
    </div>
  );
}

/** A meeting's record (decisions, notes, actions, participants) and its answers, read when opened. */
function Record({ meeting }: { meeting: Meeting }) {
  const { t } = useI18n();
  const { api } = useSession();
  const meetingApi = useMemo(() => new MeetingApi(api), [api]);
  const [state] = useLoad(async () => {
    const live = await meetingApi.live(meeting.id);
    invariant(live !== null, 'a read without a version always answers the state');
    return live;
  }, meeting.id);
  if (state.status === 'loading') return <Text role="status">{t('common.loading')}</Text>;
  if (state.status === 'error') return <ProblemBar error={state.error} />;
  return <MeetingRecord live={state.data} headingLevel="h3" answers={<Answers live={state.data} />} />;
}

/**
 * The follow-up state of a meeting: before it; held, but its questions not sent (they go out when
 * the meeting ends); sent and waiting for answers; or answered by some.
 */
export function followUpState(meeting: Meeting, answers: number, now: string): 'upcoming' | 'notSent' | 'waiting' | 'answered' {
  if (answers > 0) return 'answered';
  if (meeting.endedAt) return 'waiting';
  return meeting.startsAt < now ? 'notSent' : 'upcoming';
}

const badgeColors = { upcoming: 'informative', notSent: 'subtle', waiting: 'warning', answered: 'success' } as const;

/** Möten: the unit's meetings with their follow-up state, each with its record and answers. */
export default function MeetingsView({ unitId }: { unitId: string }) {
  const styles = useStyles();
  const { t, format } = useI18n();
  const { api } = useSession();
  const [open, setOpen] = useState<string[]>([]);
  const [state] = useLoad(async () => {
    const meetings = [...(await api.meetings(unitId)).items].sort((a, b) => b.startsAt.localeCompare(a.startsAt));
    const now = new Date().toISOString();
    // A unit has a handful of meetings a year: one small read each for the answer count.
    const counts = await Promise.all(meetings.map((m) => (m.endedAt ? api.responses(m.id).then((r) => r.items.length, () => 0) : Promise.resolve(0))));
    return { meetings, counts, now };
  }, unitId);
  if (state.status === 'loading') return <StatusScreen as="div" busy message={t('common.loading')} />;
  if (state.status === 'error') return <ProblemBar error={state.error} />;
  const { meetings, counts, now } = state.data;
  if (meetings.length === 0) return <Text>{t('channel.meetingsEmpty')}</Text>;
  return (
    <section data-testid="meetings" aria-labelledby="meetings-heading">
      <Text as="h2" id="meetings-heading" size={500} weight="semibold">{t('channel.meetingsTitle')}</Text>
      <Accordion multiple collapsible openItems={open} onToggle={(_, d) => setOpen(d.openItems as string[])}>
        {meetings.map((m, index) => {
          const count = counts[index] ?? 0;
          const followUp = followUpState(m, count, now);
          return (
            <AccordionItem key={m.id} value={m.id}>
              <AccordionHeader>
                <span className={styles.header}>
                  <Text weight="semibold">{m.title}</Text>
                  <Text size={200}>{[
                    t(`vocab.meetingType.${m.type}`),
                    format.date(m.startsAt),
                    // when Teams said it started and ended (the bot's meetingStart and meetingEnd events)
                    ...(m.startedAt ? [t('channel.meetingStartedAt', { time: format.time(m.startedAt) })] : []),
                    ...(m.endedAt ? [t('channel.meetingEndedAt', { time: format.time(m.endedAt) })] : []),
                  ].join(' · ')}</Text>
                  <Badge appearance="tint" color={badgeColors[followUp]}>
                    {followUp === 'upcoming' ? t('channel.meetingUpcoming') : followUp === 'notSent' ? t('channel.followUpNotSent') : followUp === 'waiting' ? t('channel.followUpPending') : t('common.answerCount', { count })}
                  </Badge>
                </span>
              </AccordionHeader>
              <AccordionPanel>{open.includes(m.id) && <Record meeting={m} />}</AccordionPanel>
            </AccordionItem>
          );
        })}
      </Accordion>
    </section>
  );
}

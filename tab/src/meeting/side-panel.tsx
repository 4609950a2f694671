import { Button, Field, Input, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useSession } from '../auth/session';
import { ProblemBar } from '../components/problem-bar';
import { StatusScreen } from '../components/status-screen';
import { useLoad } from '../hooks/use-load';
import { AgendaItemEditor } from './agenda-item-editor';
import { MeetingApi } from './meeting-api';
import { MeetingActions } from './meeting-actions';
import { stageUrl, type MeetingHost } from './meeting-host';
import { useI18n } from '../i18n/i18n';
import { Participation } from './participation';
import { TemplateQuestions } from './template-questions';
import { useLiveMeeting } from './use-live-meeting';

const useStyles = makeStyles({
  // The side panel is about 320 px wide: one column, nothing side by side that cannot wrap.
  root: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, padding: tokens.spacingHorizontalM,
    maxWidth: '480px', boxSizing: 'border-box',
  },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
  grow: { flexGrow: 1, minWidth: 0 },
});

/**
 * The meeting side panel: agenda with notes and decisions, the template's questions, actions and
 * participation, live. Opened at an action (`actionId`), it shows that one: in view, focused.
 */
export function SidePanel(props: { meetingId: string; host: MeetingHost; inTeams: boolean; origin?: string; actionId?: string }) {
  const styles = useStyles();
  const { t, format } = useI18n();
  const { api } = useSession();
  const meetingApi = useMemo(() => new MeetingApi(api), [api]);
  const [state, refresh] = useLiveMeeting(meetingApi, props.meetingId);
  const unitId = state.status === 'ready' ? state.live.meeting.unitId : undefined;
  const [goals] = useLoad(async () => (unitId ? (await api.goals(unitId)).items : []), unitId ?? '');
  const [shared, setShared] = useState<'done' | 'failed' | null>(null);
  const [newItem, setNewItem] = useState('');
  const [error, setError] = useState<unknown>(null);

  if (state.status === 'loading') return <StatusScreen busy message={t('meeting.loadingMeeting')} />;
  if (state.status === 'error') return <StatusScreen title={t('common.errorTitle')}><ProblemBar error={state.error} /></StatusScreen>;
  const { live } = state;
  const { meeting } = live;

  const handleShare = async () => {
    try {
      await props.host.shareToStage(stageUrl(props.origin ?? window.location.origin, meeting.id));
      setShared('done');
    } catch {
      setShared('failed');
    }
  };
  const handleAddItem = async (event: FormEvent) => {
    event.preventDefault();
    if (!newItem.trim()) return;
    setError(null);
    try {
      await meetingApi.addAgendaItem(meeting.id, newItem.trim());
      setNewItem('');
      refresh();
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <main className={styles.root} aria-label={t('meeting.sidePanelTitle')}>
      <header className={styles.header}>
        <Text as="h1" size={500} weight="semibold">{meeting.title}</Text>
        <Text size={200}>{t(`vocab.meetingType.${meeting.type}`)} · {format.date(meeting.startsAt)}</Text>
        {props.inTeams && <Button onClick={() => void handleShare()}>{t('meeting.shareToStage')}</Button>}
        {shared && (
          <MessageBar intent={shared === 'done' ? 'success' : 'error'} role="status">
            <MessageBarBody>{t(shared === 'done' ? 'meeting.shareToStageDone' : 'meeting.shareToStageFailed')}</MessageBarBody>
          </MessageBar>
        )}
        {!live.canRecord && <Text size={200}>{t('meeting.readOnly')}</Text>}
      </header>

      <section className={styles.section} aria-labelledby="kh-agenda">
        <Text as="h2" id="kh-agenda" size={400} weight="semibold">{t('meeting.agenda')}</Text>
        {error !== null && <ProblemBar error={error} />}
        {meeting.agenda.length === 0 && <Text>{t('meeting.agendaEmpty')}</Text>}
        {meeting.agenda.map((item) => (
          <AgendaItemEditor key={item.id} meetingId={meeting.id} item={item} api={meetingApi} canRecord={live.canRecord} onSaved={refresh} />
        ))}
        {live.canRecord && (
          <form className={styles.row} onSubmit={(event) => void handleAddItem(event)}>
            <Field className={styles.grow} label={t('meeting.newAgendaItem')}>
              <Input value={newItem} onChange={(_, data) => setNewItem(data.value)} />
            </Field>
            <Button type="submit" size="small">{t('meeting.addAgendaItem')}</Button>
          </form>
        )}
      </section>

      <section className={styles.section} aria-labelledby="kh-actions">
        <Text as="h2" id="kh-actions" size={400} weight="semibold">{t('meeting.actions')}</Text>
        <MeetingActions live={live} goals={goals.status === 'ready' ? goals.data : []} onSaved={refresh} {...(props.actionId ? { shown: props.actionId } : {})} />
      </section>

      <section className={styles.section} aria-labelledby="kh-questions">
        <Text as="h2" id="kh-questions" size={400} weight="semibold">{t('meeting.questions')}</Text>
        <TemplateQuestions template={live.template} show="both" />
      </section>

      <section className={styles.section} aria-labelledby="kh-participants">
        <Text as="h2" id="kh-participants" size={400} weight="semibold">{t('vocab.term.participants')}</Text>
        <Participation live={live} api={meetingApi} onSaved={refresh} />
      </section>
    </main>
  );
}

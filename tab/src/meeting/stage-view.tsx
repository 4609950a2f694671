import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import type { Action } from '../../../src/contract';
import type { ActionStatus } from '../../../src/domain';
import { useSession } from '../auth/session';
import { ProblemBar } from '../components/problem-bar';
import { StatusScreen } from '../components/status-screen';
import { useLoad } from '../hooks/use-load';
import { dueDateLine } from '../../../src/domain/vocabulary';
import { MeetingApi } from './meeting-api';
import { useI18n } from '../i18n/i18n';
import { ResultsTable } from './results-table';
import { useLiveMeeting } from './use-live-meeting';

const useStyles = makeStyles({
  // Shown on a shared screen: large type, high contrast from the theme, nothing to click.
  root: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXL, padding: tokens.spacingHorizontalXXL,
    fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500,
  },
  board: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))', gap: tokens.spacingHorizontalXL },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  card: {
    padding: tokens.spacingHorizontalL, borderRadius: tokens.borderRadiusLarge, backgroundColor: tokens.colorNeutralBackground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`, listStyleType: 'none',
  },
  list: { margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

const columns: ActionStatus[] = ['planned', 'inProgress', 'done'];

/** The meeting stage: the unit's results and the action board, read-only, in large type. */
export function StageView(props: { meetingId: string }) {
  const styles = useStyles();
  const { t, format } = useI18n();
  const { api } = useSession();
  const meetingApi = useMemo(() => new MeetingApi(api), [api]);
  const [state] = useLiveMeeting(meetingApi, props.meetingId, { intervalMs: 3000 });
  const unitId = state.status === 'ready' ? state.live.meeting.unitId : undefined;
  const [overview] = useLoad(async () => (unitId ? api.overview(unitId) : null), unitId ?? '');

  if (state.status === 'loading') return <StatusScreen busy message={t('meeting.loadingMeeting')} />;
  if (state.status === 'error') return <StatusScreen title={t('common.errorTitle')}><ProblemBar error={state.error} /></StatusScreen>;
  const { live } = state;
  // The meeting's own actions first, then the unit's other open ones.
  const board = new Map<string, Action>();
  for (const action of live.actions) board.set(action.id, action);
  if (overview.status === 'ready' && overview.data) for (const action of overview.data.openActions) if (!board.has(action.id)) board.set(action.id, action);
  const actions = [...board.values()];

  return (
    <main className={styles.root} aria-label={live.meeting.title}>
      <Text as="h1" size={900} weight="bold">{live.meeting.title}</Text>
      <section aria-labelledby="kh-stage-results">
        <Text as="h2" id="kh-stage-results" size={800} weight="semibold">{t('meeting.stageResults')}</Text>
        {overview.status === 'ready' && overview.data ? (
          <ResultsTable measurements={overview.data.latestMeasurements} indicators={overview.data.indicators} size="large" />
        ) : overview.status === 'error' ? <ProblemBar error={overview.error} /> : <Text>{t('common.loading')}</Text>}
      </section>
      <section aria-labelledby="kh-stage-board">
        <Text as="h2" id="kh-stage-board" size={800} weight="semibold">{t('meeting.stageBoard')}</Text>
        {actions.length === 0 ? <Text size={600}>{t('common.noActions')}</Text> : (
          <div className={styles.board}>
            {columns.map((status) => (
              <section key={status} className={styles.column} aria-label={t(`vocab.actionStatus.${status}`)}>
                <Text as="h3" size={700} weight="semibold">{t(`vocab.actionStatus.${status}`)}</Text>
                <ul className={styles.list}>
                  {actions.filter((action) => action.status === status).map((action) => (
                    <li key={action.id} className={styles.card} data-testid="stage-action">
                      <Text block size={600} weight="semibold">{action.title}</Text>
                      <Text block size={500}>{t('vocab.term.owner')}: {action.ownerName ?? action.ownerId}</Text>
                      <Text block size={500}>{dueDateLine(action.dueDate, format)}</Text>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
        )}
      </section>
    </main>
  );
}

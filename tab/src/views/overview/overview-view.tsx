import {
  Badge, Card, CardHeader, Link, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import type { Action, Overview } from '../../../../src/contract';
import { phases } from '../../../../src/domain/choices';
import { dueDateLine, phaseQuestionOf } from '../../../../src/domain/vocabulary';
import { takePrefetched } from '../../api/prefetch';
import { useSession } from '../../auth/session';
import { ProblemBar } from '../../components/problem-bar';
import { StatusScreen } from '../../components/status-screen';
import { useLoad } from '../../hooks/use-load';
import { useI18n } from '../../i18n/i18n';
import { ConfirmReadButton } from '../../organizer/feedback/confirm-read-button';
import type { ChannelView } from '../../route';
import { DeficiencyFlags } from '../deficiencies/deficiency-list';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  cycle: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))', gap: tokens.spacingHorizontalM, listStyleType: 'none', margin: 0, padding: 0 },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(280px, 1fr))', gap: tokens.spacingHorizontalL },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  overdue: { color: tokens.colorPaletteRedForeground1 },
  preWrap: { whiteSpace: 'pre-wrap' },
  badge: { alignSelf: 'flex-start' },
  // the four phase cards as high as the tallest, whichever question wraps
  phaseCard: { height: '100%', boxSizing: 'border-box' },
});

/** A count beside a heading: coloured only when there is something to count. */
function CountBadge({ count, color }: { count: number; color: 'danger' | 'brand' | 'warning' }) {
  return <Badge color={count > 0 ? color : 'informative'} appearance={count > 0 ? 'filled' : 'tint'} aria-hidden>{count}</Badge>;
}

/** Översikt: the school year's cycle, what is due next, open and overdue actions, open deficiencies with their flags, the latest feedback. */
export default function OverviewView({ unitId, onOpen }: { unitId: string; onOpen?: (view: ChannelView) => void }) {
  const styles = useStyles();
  const { t, language, format } = useI18n();
  const { api } = useSession();
  const [state] = useLoad<Overview>(() => takePrefetched('overview', unitId) ?? api.overview(unitId), unitId);
  if (state.status === 'loading') return <StatusScreen as="div" busy message={t('common.loading')} />;
  if (state.status === 'error') return <ProblemBar error={state.error} />;
  const overview = state.data;
  const actionItem = (action: Action, overdue: boolean) => (
    <li key={action.id}>
      <Text>{action.title}</Text>{' '}
      <Text size={200} className={overdue ? styles.overdue : undefined}>
        {action.ownerName ? `${action.ownerName} · ` : ''}{dueDateLine(action.dueDate, format)}
      </Text>
    </li>
  );
  return (
    <div className={styles.root} data-testid="overview">
      <section aria-labelledby="cycle-heading">
        <Text as="h2" id="cycle-heading" size={500} weight="semibold">{t('channel.overviewCycle', { schoolYear: overview.schoolYear })}</Text>
        <ol className={styles.cycle}>
          {phases.map((phase) => {
            const phaseState = overview.cycle.phases[phase] ?? 'notStarted';
            return (
              <li key={phase}>
                <Card className={styles.phaseCard}>
                  <CardHeader
                    header={<Text as="h3" weight="semibold">{t(`vocab.phase.${phase}`)}</Text>}
                    description={<Text size={200}>{phaseQuestionOf(phase, language)}</Text>}
                  />
                  <Badge className={styles.badge} appearance={phaseState === 'done' ? 'filled' : 'tint'} color={phaseState === 'done' ? 'success' : phaseState === 'inProgress' ? 'brand' : 'informative'}>
                    {t(`vocab.phaseState.${phaseState}`)}
                  </Badge>
                </Card>
              </li>
            );
          })}
        </ol>
      </section>
      <div className={styles.grid}>
        <Card>
          <Text as="h2" size={400} weight="semibold">{t('channel.overviewNext')}</Text>
          {overview.nextActivities.length === 0 ? <Text>{t('channel.overviewNothingDue')}</Text> : (
            <ul className={styles.list}>
              {overview.nextActivities.map((activity) => (
                <li key={activity.id}><Text>{activity.title}</Text> <Text size={200}>{format.date(activity.date)}</Text></li>
              ))}
            </ul>
          )}
          {overview.nextMeetings.length > 0 && (
            <>
              <Text as="h3" weight="semibold">{t('channel.overviewNextMeetings')}</Text>
              <ul className={styles.list}>
                {overview.nextMeetings.map((meeting) => (
                  <li key={meeting.id}><Text>{meeting.title}</Text> <Text size={200}>{format.date(meeting.startsAt)}</Text></li>
                ))}
              </ul>
            </>
          )}
        </Card>
        <Card>
          <Text as="h2" size={400} weight="semibold">
            {t('channel.overviewOverdueActions')} <CountBadge color="danger" count={overview.overdueActions.length} />
          </Text>
          {overview.overdueActions.length === 0 ? <Text>{t('common.noActions')}</Text> : <ul className={styles.list}>{overview.overdueActions.map((a) => actionItem(a, true))}</ul>}
          <Text as="h2" size={400} weight="semibold">
            {t('common.openActions')} <CountBadge color="brand" count={overview.openActions.length} />
          </Text>
          {overview.openActions.length === 0 ? <Text>{t('common.noActions')}</Text> : <ul className={styles.list}>{overview.openActions.slice(0, 8).map((a) => actionItem(a, false))}</ul>}
          {onOpen && <Link as="button" onClick={() => onOpen('actions')}>{t('common.actions')}</Link>}
        </Card>
        <Card data-testid="overview-deficiencies">
          <Text as="h2" size={400} weight="semibold">
            {t('channel.overviewDeficiencies')} <CountBadge color="warning" count={overview.openDeficiencies.length} />
          </Text>
          {overview.openDeficiencies.length === 0 ? <Text>{t('channel.overviewNoDeficiencies')}</Text> : (
            <ul className={styles.list}>
              {overview.openDeficiencies.map((entry) => (
                <li key={entry.deficiency.id}>
                  <Text>{entry.deficiency.title}</Text>{' '}
                  <Text size={200}>{t(`vocab.deficiencySource.${entry.deficiency.source}`)}</Text>{' '}
                  <DeficiencyFlags entry={entry} />
                </li>
              ))}
            </ul>
          )}
          {onOpen && <Link as="button" onClick={() => onOpen('deficiencies')}>{t('common.deficiencies')}</Link>}
        </Card>
        <Card>
          <Text as="h2" size={400} weight="semibold">{t('channel.overviewFeedback')}</Text>
          {overview.latestFeedback ? (
            <>
              <Text className={styles.preWrap}>{overview.latestFeedback.text}</Text>
              <Text size={200}>{format.date(overview.latestFeedback.givenAt)}</Text>
              <ConfirmReadButton unitId={unitId} feedback={overview.latestFeedback} />
            </>
          ) : <Text>{t('common.noFeedbackYet')}</Text>}
          {onOpen && <Link as="button" onClick={() => onOpen('analysis')}>{t('vocab.phase.analysis')}</Link>}
        </Card>
      </div>
    </div>
  );
}

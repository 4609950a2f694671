import { Badge, Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { dueDateLine } from '../../../../src/domain/vocabulary';
import { ShowMore, useShowMore } from '../../components/show-more';
import { useI18n } from '../../i18n/i18n';
import { DeficiencyFlags } from '../../views/deficiencies/deficiency-list';
import type { Rollup, RollupAction } from '../../../../src/contract';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  sub: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

type Names = ReadonlyMap<string, string>;

/**
 * Entries of each list shown at first: a large municipality has hundreds of deficiencies and of
 * units with overdue actions, and rendering every one held the first view for seconds.
 */
const entriesAtOnce = 20;

function ActionLine({ action }: { action: RollupAction }) {
  const { t, format } = useI18n();
  return (
    <li>
      <Text>{action.title}</Text>{' — '}
      <Text size={200}>{dueDateLine(action.dueDate, format)}</Text>
      {action.ownerName && <Text size={200}>{`, ${t('vocab.term.owner')}: ${action.ownerName}`}</Text>}
    </li>
  );
}

/** Deficiencies (brister) with the actions that answer them; an open one without an action, or past its deadline, is flagged. */
export function DeficiencyList({ rollup, names }: { rollup: Rollup; names: Names }) {
  const styles = useStyles();
  const { t, format } = useI18n();
  const { limit, more } = useShowMore(entriesAtOnce, rollup.schoolYear);
  if (rollup.deficiencies.length === 0) return <Text>{t('organizer.noDeficiencies')}</Text>;
  return (
    <>
    <ul className={styles.list}>
      {rollup.deficiencies.slice(0, limit).map((d) => (
        <li key={d.id} className={styles.item}>
          <span className={styles.line}>
            <Text weight="semibold">{d.title}</Text>
            <Badge appearance="outline" color={d.status === 'open' ? 'warning' : 'success'}>{t(`vocab.deficiencyStatus.${d.status}`)}</Badge>
            <DeficiencyFlags entry={d} />
          </span>
          <Text size={200}>
            {[names.get(d.unitId) ?? d.unitId, t(`vocab.deficiencySource.${d.source}`), t('organizer.foundOn', { date: format.date(d.foundOn) }),
              ...(d.deadline ? [t('organizer.deadline', { date: format.date(d.deadline) })] : [])].join(' · ')}
          </Text>
          {d.actions.length === 0 ? <Text size={200}>{t('common.noActionsYet')}</Text> : (
            <ul className={styles.sub}>{d.actions.map((a) => <ActionLine key={a.id} action={a} />)}</ul>
          )}
        </li>
      ))}
    </ul>
    <ShowMore shown={Math.min(limit, rollup.deficiencies.length)} total={rollup.deficiencies.length} step={entriesAtOnce} onMore={more} what={t('organizer.deficiencyRows')} />
    </>
  );
}

/** Overdue actions grouped by unit. */
export function OverdueList({ rollup, names }: { rollup: Rollup; names: Names }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { limit, more } = useShowMore(entriesAtOnce, rollup.schoolYear);
  const groups = rollup.overdueActions.filter((g) => g.actions.length > 0);
  if (groups.length === 0) return <Text>{t('organizer.noOverdue')}</Text>;
  return (
    <>
    <ul className={styles.list}>
      {groups.slice(0, limit).map((group) => (
        <li key={group.unitId} className={styles.item}>
          <Text weight="semibold">{`${names.get(group.unitId) ?? group.unitId}: ${t('organizer.overdueCount', { count: group.actions.length })}`}</Text>
          <ul className={styles.sub}>{group.actions.map((a) => <ActionLine key={a.id} action={a} />)}</ul>
        </li>
      ))}
    </ul>
    <ShowMore shown={Math.min(limit, groups.length)} total={groups.length} step={entriesAtOnce} onMore={more} what={t('organizer.overdueRows')} />
    </>
  );
}

/** Areas to develop that several units named. */
export function AreaList({ rollup, names }: { rollup: Rollup; names: Names }) {
  const styles = useStyles();
  const { t } = useI18n();
  if (rollup.commonAreasToDevelop.length === 0) return <Text>{t('organizer.noAreas')}</Text>;
  return (
    <ul className={styles.list}>
      {rollup.commonAreasToDevelop.map((area) => (
        <li key={area.area} className={styles.item}>
          <Text weight="semibold">{area.area}</Text>
          <Text size={200}>{t('organizer.areaUnits', { count: area.count, names: area.unitIds.map((id) => names.get(id) ?? id).join(', ') })}</Text>
        </li>
      ))}
    </ul>
  );
}

/** Units whose submitted analysis waits for feedback, and feedback the principal has not read. */
export function FeedbackWaiting({ rollup, names, onGiveFeedback }: { rollup: Rollup; names: Names; onGiveFeedback?: (unitId: string) => void }) {
  const styles = useStyles();
  const { t, format } = useI18n();
  const awaiting = useShowMore(entriesAtOnce, rollup.schoolYear);
  const unread = useShowMore(entriesAtOnce, rollup.schoolYear);
  return (
    <>
      <Text as="h3" size={400} weight="semibold">{t('organizer.feedbackWaiting')}</Text>
      {rollup.awaitingFeedback.length === 0 ? <Text>{t('organizer.noneWaiting')}</Text> : (
        <ul className={styles.list} data-testid="awaiting-feedback">
          {rollup.awaitingFeedback.slice(0, awaiting.limit).map((w) => (
            <li key={w.analysisId} className={styles.line}>
              <Text weight="semibold">{names.get(w.unitId) ?? w.unitId}</Text>
              {w.submittedAt && <Text size={200}>{t('organizer.submittedOn', { date: format.date(w.submittedAt) })}</Text>}
              {onGiveFeedback && (
                <Button size="small" onClick={() => onGiveFeedback(w.unitId)} aria-label={`${t('organizer.giveFeedback')}: ${names.get(w.unitId) ?? w.unitId}`}>{t('organizer.giveFeedback')}</Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ShowMore shown={Math.min(awaiting.limit, rollup.awaitingFeedback.length)} total={rollup.awaitingFeedback.length} step={entriesAtOnce} onMore={awaiting.more} what={t('organizer.awaitingRows')} />
      <Text as="h3" size={400} weight="semibold">{t('organizer.unreadTitle')}</Text>
      {rollup.unreadFeedback.length === 0 ? <Text>{t('organizer.noneUnread')}</Text> : (
        <ul className={styles.list} data-testid="unread-feedback">
          {rollup.unreadFeedback.slice(0, unread.limit).map((u) => (
            <li key={u.feedbackId} className={styles.line}>
              <Text weight="semibold">{names.get(u.unitId) ?? u.unitId}</Text>
              <Text size={200}>{t('organizer.givenOn', { date: format.date(u.givenAt) })}</Text>
            </li>
          ))}
        </ul>
      )}
      <ShowMore shown={Math.min(unread.limit, rollup.unreadFeedback.length)} total={rollup.unreadFeedback.length} step={entriesAtOnce} onMore={unread.more} what={t('organizer.unreadRows')} />
    </>
  );
}

import { Badge, Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { formatDate } from '../../util/dates';
import { sourceLabel } from '../labels';
import { useOrganizerText } from '../organizer-i18n';
import type { Rollup, RollupAction } from '../../../../src/contract';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  sub: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

type Names = ReadonlyMap<string, string>;

function ActionLine({ action }: { action: RollupAction }) {
  const { t, language } = useOrganizerText();
  return (
    <li>
      <Text>{action.title}</Text>{' — '}
      <Text size={200}>{t('due', { date: formatDate(action.dueDate, language) })}</Text>
      {action.ownerName && <Text size={200}>{`, ${t('owner', { name: action.ownerName })}`}</Text>}
    </li>
  );
}

/** Deficiencies (brister) with the actions that answer them. */
export function DeficiencyList({ rollup, names }: { rollup: Rollup; names: Names }) {
  const styles = useStyles();
  const { t, language } = useOrganizerText();
  if (rollup.deficiencies.length === 0) return <Text>{t('noDeficiencies')}</Text>;
  return (
    <ul className={styles.list}>
      {rollup.deficiencies.map((d) => (
        <li key={d.id} className={styles.item}>
          <span className={styles.line}>
            <Text weight="semibold">{d.title}</Text>
            <Badge appearance="outline" color={d.status === 'open' ? 'warning' : 'success'}>{t(d.status === 'open' ? 'open' : 'closed')}</Badge>
          </span>
          <Text size={200}>
            {[names.get(d.unitId) ?? d.unitId, t(sourceLabel[d.source]), t('foundOn', { date: formatDate(d.foundOn, language) }),
              ...(d.deadline ? [t('deadline', { date: formatDate(d.deadline, language) })] : [])].join(' · ')}
          </Text>
          {d.actions.length === 0 ? <Text size={200}>{t('noActions')}</Text> : (
            <ul className={styles.sub}>{d.actions.map((a) => <ActionLine key={a.id} action={a} />)}</ul>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Overdue actions grouped by unit. */
export function OverdueList({ rollup, names }: { rollup: Rollup; names: Names }) {
  const styles = useStyles();
  const { t } = useOrganizerText();
  const groups = rollup.overdueActions.filter((g) => g.actions.length > 0);
  if (groups.length === 0) return <Text>{t('noOverdue')}</Text>;
  return (
    <ul className={styles.list}>
      {groups.map((group) => (
        <li key={group.unitId} className={styles.item}>
          <Text weight="semibold">{`${names.get(group.unitId) ?? group.unitId}: ${t('overdueCount', { count: group.actions.length })}`}</Text>
          <ul className={styles.sub}>{group.actions.map((a) => <ActionLine key={a.id} action={a} />)}</ul>
        </li>
      ))}
    </ul>
  );
}

/** Areas to develop that several units named. */
export function AreaList({ rollup, names }: { rollup: Rollup; names: Names }) {
  const styles = useStyles();
  const { t } = useOrganizerText();
  if (rollup.commonAreasToDevelop.length === 0) return <Text>{t('noAreas')}</Text>;
  return (
    <ul className={styles.list}>
      {rollup.commonAreasToDevelop.map((area) => (
        <li key={area.area} className={styles.item}>
          <Text weight="semibold">{area.area}</Text>
          <Text size={200}>{t('areaUnits', { count: area.count, names: area.unitIds.map((id) => names.get(id) ?? id).join(', ') })}</Text>
        </li>
      ))}
    </ul>
  );
}

/** Units whose submitted analysis waits for feedback, and feedback the principal has not read. */
export function FeedbackWaiting({ rollup, names, onGiveFeedback }: { rollup: Rollup; names: Names; onGiveFeedback?: (unitId: string) => void }) {
  const styles = useStyles();
  const { t, language } = useOrganizerText();
  return (
    <>
      <Text as="h3" size={400} weight="semibold">{t('waitingTitle')}</Text>
      {rollup.awaitingFeedback.length === 0 ? <Text>{t('noneWaiting')}</Text> : (
        <ul className={styles.list} data-testid="awaiting-feedback">
          {rollup.awaitingFeedback.map((w) => (
            <li key={w.analysisId} className={styles.line}>
              <Text weight="semibold">{names.get(w.unitId) ?? w.unitId}</Text>
              {w.submittedAt && <Text size={200}>{t('submittedOn', { date: formatDate(w.submittedAt, language) })}</Text>}
              {onGiveFeedback && (
                <Button size="small" onClick={() => onGiveFeedback(w.unitId)} aria-label={`${t('giveFeedback')}: ${names.get(w.unitId) ?? w.unitId}`}>{t('giveFeedback')}</Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <Text as="h3" size={400} weight="semibold">{t('unreadTitle')}</Text>
      {rollup.unreadFeedback.length === 0 ? <Text>{t('noneUnread')}</Text> : (
        <ul className={styles.list} data-testid="unread-feedback">
          {rollup.unreadFeedback.map((u) => (
            <li key={u.feedbackId} className={styles.line}>
              <Text weight="semibold">{names.get(u.unitId) ?? u.unitId}</Text>
              <Text size={200}>{t('givenOn', { date: formatDate(u.givenAt, language) })}</Text>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

import { Badge, Button, Card, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { DeficiencyEntry } from '../../../../src/contract';
import { dueDateLine } from '../../../../src/domain/vocabulary';
import { useI18n } from '../../i18n/i18n';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  actions: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  preWrap: { whiteSpace: 'pre-wrap' },
  reason: { color: tokens.colorNeutralForeground2 },
});

/** What the viewer may do with a deficiency of the list: add its action, edit it, close it. */
export interface DeficiencyListActions {
  canCreateAction: boolean;
  canEdit: boolean;
  onNewAction: (entry: DeficiencyEntry) => void;
  onEdit: (entry: DeficiencyEntry) => void;
  onClose: (entry: DeficiencyEntry) => void;
}

/** The flags an open deficiency carries, in words and colour both. */
export function DeficiencyFlags({ entry }: { entry: Pick<DeficiencyEntry, 'withoutAction' | 'overdue'> }) {
  const { t } = useI18n();
  return (
    <>
      {entry.withoutAction && <Badge appearance="filled" color="warning">{t('vocab.term.withoutAction')}</Badge>}
      {entry.overdue && <Badge appearance="filled" color="danger">{t('vocab.term.pastDeadline')}</Badge>}
    </>
  );
}

/**
 * The deficiency register: each deficiency with where it came from, its dates and case number,
 * what is flagged, the actions that answer it (status and evaluation), and, for those who may,
 * its next steps. The button that closes it says why it cannot yet.
 */
export function DeficiencyList({ entries, unitNames, actions }: { entries: readonly DeficiencyEntry[]; unitNames?: ReadonlyMap<string, string>; actions?: DeficiencyListActions }) {
  const styles = useStyles();
  const { t, format } = useI18n();
  if (entries.length === 0) return <Text>{t('channel.deficienciesEmpty')}</Text>;
  return (
    <ul className={styles.list} data-testid="deficiency-list">
      {entries.map((entry) => {
        const d = entry.deficiency;
        const reasonId = `close-reason-${d.id}`;
        return (
          <li key={d.id} data-deficiency={d.id}>
            <Card className={styles.card}>
              <span className={styles.line}>
                <Text as="h3" size={400} weight="semibold">{d.title}</Text>
                <Badge appearance="outline" color={d.status === 'open' ? 'warning' : 'success'}>{t(`vocab.deficiencyStatus.${d.status}`)}</Badge>
                <DeficiencyFlags entry={entry} />
              </span>
              <Text size={200}>
                {[
                  ...(unitNames ? [unitNames.get(d.unitId) ?? d.unitId] : []),
                  t(`vocab.deficiencySource.${d.source}`),
                  `${t('vocab.term.foundOn')}: ${format.date(d.foundOn)}`,
                  ...(d.deadline ? [`${t('vocab.term.deadline')}: ${format.date(d.deadline)}`] : []),
                  ...(d.caseNumber ? [`${t('vocab.term.caseNumber')}: ${d.caseNumber}`] : []),
                  ...(d.closedOn ? [t('channel.deficiencyClosedOn', { date: format.date(d.closedOn) })] : []),
                ].join(' · ')}
              </Text>
              {d.description && <Text className={styles.preWrap}>{d.description}</Text>}
              {entry.actions.length === 0 ? <Text size={200}>{t('common.noActionsYet')}</Text> : (
                <ul className={styles.actions}>
                  {entry.actions.map((a) => (
                    <li key={a.id}>
                      <Text>{a.title}</Text>{' '}
                      <Badge appearance="tint" color={a.status === 'done' ? 'success' : 'brand'}>{t(`vocab.actionStatus.${a.status}`)}</Badge>{' '}
                      <Text size={200}>{[a.ownerName, dueDateLine(a.dueDate, format)].filter(Boolean).join(' · ')}</Text>
                      {a.evaluation && <Text as="p" size={200} className={styles.preWrap}>{`${t('vocab.question.evaluation')} ${a.evaluation}`}</Text>}
                    </li>
                  ))}
                </ul>
              )}
              {actions && d.status === 'open' && (
                <span className={styles.line}>
                  {actions.canCreateAction && <Button size="small" appearance="primary" onClick={() => actions.onNewAction(entry)} aria-label={t('channel.deficiencyNewAction', { title: d.title })}>{t('common.newAction')}</Button>}
                  {actions.canEdit && <Button size="small" onClick={() => actions.onEdit(entry)} aria-label={t('common.editNamed', { title: d.title })}>{t('common.edit')}</Button>}
                  {actions.canEdit && (
                    <Button
                      size="small"
                      onClick={() => actions.onClose(entry)}
                      disabledFocusable={entry.closeBlocker !== undefined}
                      aria-label={t('channel.deficiencyCloseNamed', { title: d.title })}
                      {...(entry.closeBlocker ? { 'aria-describedby': reasonId } : {})}
                    >
                      {t('channel.deficiencyClose')}
                    </Button>
                  )}
                  {actions.canEdit && entry.closeBlocker && (
                    <Text id={reasonId} size={200} className={styles.reason}>
                      {t(entry.closeBlocker === 'deficiencyWithoutAction' ? 'channel.closeBlockedWithoutAction' : 'channel.closeBlockedNotEvaluated')}
                    </Text>
                  )}
                </span>
              )}
            </Card>
          </li>
        );
      })}
    </ul>
  );
}

import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Action } from '../../../../src/contract';
import { periodSpan, previousPeriod } from '../../../../src/domain/period';
import { useI18n } from '../../i18n/i18n';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

/** The unit's actions due within the period before `period`: what "Hur blev det?" evaluates. */
export function actionsOfPreviousPeriod(actions: readonly Action[], period: string): Action[] {
  const before = previousPeriod(period);
  if (!before) return [];
  const { from, to } = periodSpan(before);
  return actions.filter((a) => a.status !== 'cancelled' && a.dueDate.slice(0, 7) >= from && a.dueDate.slice(0, 7) <= to);
}

/** Beside the analysis' own "Hur blev det?": last period's actions with their status and their own evaluations. */
export function PreviousActions({ actions, period }: { actions: readonly Action[]; period: string }) {
  const styles = useStyles();
  const { t } = useI18n();
  const before = previousPeriod(period) ?? '';
  const shown = actionsOfPreviousPeriod(actions, period);
  return (
    <section aria-labelledby="previous-actions-heading">
      <Text as="h3" id="previous-actions-heading" weight="semibold">{t('channel.previousActions', { period: before })}</Text>
      {shown.length === 0 ? <Text block size={200}>{t('channel.noPreviousActions')}</Text> : (
        <ul className={styles.list}>
          {shown.map((a) => (
            <li key={a.id} className={styles.item}>
              <Text>{a.title} · {t(`vocab.actionStatus.${a.status}`)}</Text>
              <Text size={200}>{t('vocab.question.evaluation')} {a.evaluation ?? t('channel.notEvaluated')}</Text>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Action, Analysis } from '../../../../src/contract';
import { periodSpan, previousPeriod } from '../../../../src/domain/period';
import { useI18n } from '../../i18n/i18n';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

/**
 * What "Hur blev det?" evaluates: the actions the previous period's analysis led to, whenever they
 * are due (the autumn's analysis plans the spring's work, and the spring's analysis looks back at
 * it), and the unit's other actions due within the previous period.
 */
export function actionsOfPreviousPeriod(actions: readonly Action[], period: string, analyses: readonly Pick<Analysis, 'id' | 'period'>[]): Action[] {
  const before = previousPeriod(period);
  if (!before) return [];
  const { from, to } = periodSpan(before);
  const previous = new Set(analyses.filter((a) => a.period === before).map((a) => a.id));
  const dueThen = (a: Action) => a.dueDate.slice(0, 7) >= from && a.dueDate.slice(0, 7) <= to;
  return actions.filter((a) => a.status !== 'cancelled' && ((a.originKind === 'analysis' && previous.has(a.originId)) || dueThen(a)));
}

/** Beside the analysis' own "Hur blev det?": last period's actions with their status and their own evaluations. */
export function PreviousActions({ actions, analyses, period }: { actions: readonly Action[]; analyses: readonly Pick<Analysis, 'id' | 'period'>[]; period: string }) {
  const styles = useStyles();
  const { t } = useI18n();
  const before = previousPeriod(period) ?? '';
  const shown = actionsOfPreviousPeriod(actions, period, analyses);
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

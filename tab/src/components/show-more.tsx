import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM, paddingTop: tokens.spacingVerticalS },
});

/**
 * How many rows of a long list are shown: the first `step`, then `step` more at a time. A table
 * of 600 units renders its first rows at once and grows when asked, without a virtual scroller
 * that a screen reader cannot count. Back to the first rows whenever `resetKey` changes (a new filter).
 */
export function useShowMore(step: number, resetKey: string): { limit: number; more: () => void } {
  const [shown, setShown] = useState({ resetKey, limit: step });
  // a new key starts from the first rows again, in the same render
  const limit = shown.resetKey === resetKey ? shown.limit : step;
  // from the state as it stands: a second click before the first one's rows are drawn counts too
  return { limit, more: () => setShown((now) => ({ resetKey, limit: (now.resetKey === resetKey ? now.limit : step) + step })) };
}

/** "Visar 50 av 600" and the button for the next rows, under a list cut short. */
export function ShowMore({ shown, total, step, onMore, what }: { shown: number; total: number; step: number; onMore: () => void; what: string }) {
  const styles = useStyles();
  const { t } = useI18n();
  if (total <= shown) return null;
  return (
    <div className={styles.root}>
      <Text>{t('common.showingOf', { shown, total })}</Text>
      <Button onClick={onMore} aria-label={t('common.showMoreOf', { count: Math.min(step, total - shown), what })}>{t('common.showMore', { count: Math.min(step, total - shown) })}</Button>
    </div>
  );
}

import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Action } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { statusLabel } from '../labels';
import type { ActionDraft } from './action-form-state';

const useStyles = makeStyles({
  compare: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalM, marginTop: tokens.spacingVerticalS },
  dl: { margin: 0, display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalS },
  dd: { margin: 0, whiteSpace: 'pre-wrap' },
});

/** A 409: shows the current version beside the user's, and lets the user choose. Nothing is overwritten silently. */
export function ConflictPanel({ current, mine, onUseTheirs, onKeepMine }: { current: Action; mine: ActionDraft; onUseTheirs: () => void; onKeepMine: () => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const rows = (v: { title: string; ownerName?: string; dueDate: string; status: Action['status']; evaluation?: string }) => (
    <dl className={styles.dl}>
      <dt>{t('fieldTitle')}</dt><dd className={styles.dd}>{v.title}</dd>
      <dt>{t('fieldOwner')}</dt><dd className={styles.dd}>{v.ownerName ?? ''}</dd>
      <dt>{t('fieldDueDate')}</dt><dd className={styles.dd}>{v.dueDate}</dd>
      <dt>{t('fieldStatus')}</dt><dd className={styles.dd}>{t(statusLabel[v.status])}</dd>
      <dt>{t('fieldEvaluation')}</dt><dd className={styles.dd}>{v.evaluation ?? ''}</dd>
    </dl>
  );
  return (
    <MessageBar intent="warning" layout="multiline" role="alert" data-testid="conflict">
      <MessageBarBody>
        <MessageBarTitle>{t('conflictTitle')}</MessageBarTitle>
        <Text block>{t('conflictIntro')}</Text>
        <div className={styles.compare}>
          <section aria-label={t('conflictTheirs')}><Text weight="semibold">{t('conflictTheirs')}</Text>{rows(current)}</section>
          <section aria-label={t('conflictMine')}><Text weight="semibold">{t('conflictMine')}</Text>{rows(mine)}</section>
        </div>
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={onUseTheirs}>{t('conflictUseTheirs')}</Button>
        <Button appearance="primary" onClick={onKeepMine}>{t('conflictKeepMine')}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}

import { Button, Card, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { ApiClient } from '../../api/client';
import { ProblemBar } from '../../components/problem-bar';
import { useLoad } from '../../hooks/use-load';
import { OrganizerApi } from '../organizer-api';
import { useI18n } from '../../i18n/i18n';
import type { Feedback } from '../../../../src/contract';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '720px' },
  text: { whiteSpace: 'pre-wrap' },
});

/** The newest feedback: the one the principal is asked to confirm. */
export function latestFeedback(items: readonly Feedback[]): Feedback | undefined {
  return [...items].sort((a, b) => b.givenAt.localeCompare(a.givenAt))[0];
}

/**
 * The organizer's latest feedback to a unit, with "Bekräfta läst" for the principal. The server
 * decides who may confirm (feedback.confirm): others get its refusal shown, not a hidden button.
 */
export function ConfirmFeedback({ api, unitId }: { api: ApiClient; unitId: string }) {
  const styles = useStyles();
  const { t, format } = useI18n();
  const organizer = useMemo(() => new OrganizerApi(api), [api]);
  const [state, , setData] = useLoad(async () => latestFeedback((await organizer.feedback(unitId)).items), unitId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (state.status === 'loading') return <Text role="status">{t('organizer.confirmTitle')}…</Text>;
  if (state.status === 'error') return <ProblemBar error={state.error} />;
  const feedback = state.data;

  const handleConfirm = async () => {
    if (!feedback) return;
    setBusy(true);
    setError(null);
    try {
      setData(await organizer.confirmFeedback(feedback.id));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card className={styles.card} aria-labelledby="confirm-feedback-title" data-testid="confirm-feedback">
      <Text as="h2" id="confirm-feedback-title" size={500} weight="semibold">{t('organizer.confirmTitle')}</Text>
      {!feedback ? <Text>{t('common.noFeedbackYet')}</Text> : (
        <>
          <Text as="p" className={styles.text}>{feedback.text}</Text>
          <Text size={200}>{t('organizer.givenOn', { date: format.date(feedback.givenAt) })}</Text>
          {feedback.readAt
            ? <Text role="status">{t('organizer.confirmDone', { date: format.date(feedback.readAt) })}</Text>
            : <div><Button appearance="primary" disabled={busy} onClick={() => void handleConfirm()}>{t('organizer.confirmRead')}</Button></div>}
          {error !== null && <ProblemBar error={error} />}
        </>
      )}
    </Card>
  );
}

import { Button, Text } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useSession } from '../../auth/session';
import { ProblemBar } from '../../components/problem-bar';
import { useLoad } from '../../hooks/use-load';
import { OrganizerApi } from '../organizer-api';
import { useI18n } from '../../i18n/i18n';
import type { Feedback } from '../../../../src/contract';

/**
 * "Bekräfta läst" under the latest feedback in the unit's overview: for the unit's principal,
 * who is the one the organizer waits for. Others see whether it has been read.
 */
export function ConfirmReadButton({ unitId, feedback }: { unitId: string; feedback: Feedback }) {
  const { t, format } = useI18n();
  const { api } = useSession();
  const organizer = useMemo(() => new OrganizerApi(api), [api]);
  const [me] = useLoad(() => api.me(), 'me');
  const [readAt, setReadAt] = useState(feedback.readAt);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const isPrincipal = me.status === 'ready' && me.data.units.some((u) => u.unitId === unitId && u.roles.includes('principal'));

  const handleConfirm = async () => {
    setBusy(true);
    setError(null);
    try {
      setReadAt((await organizer.confirmFeedback(feedback.id)).readAt ?? new Date().toISOString());
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  if (readAt) return <Text size={200} role="status">{t('organizer.feedbackReadOn', { date: format.date(readAt) })}</Text>;
  return (
    <>
      {isPrincipal
        ? <div><Button appearance="primary" disabled={busy} onClick={() => void handleConfirm()}>{t('organizer.confirmRead')}</Button></div>
        : <Text size={200}>{t('organizer.feedbackNotRead')}</Text>}
      {error !== null && <ProblemBar error={error} />}
    </>
  );
}

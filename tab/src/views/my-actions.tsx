import {
  Badge, Button, Card, CardHeader, Field, Select, Text, Textarea, makeStyles, tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { ActionChanges } from '../api/client';
import { ProblemError } from '../api/problem-error';
import { fieldError } from '../components/field-error';
import { ActionOriginLink } from './actions/action-origin-link';
import type { Action, Me, Meeting } from '../../../src/contract';
import type { ActionStatus } from '../../../src/domain';
import { useSession } from '../auth/session';
import { OrganizerLink } from '../components/organizer-link';
import { ProblemBar } from '../components/problem-bar';
import { StatusScreen } from '../components/status-screen';
import { useLoad } from '../hooks/use-load';
import { actionStatuses } from '../../../src/domain/choices';
import { dueDateLine } from '../../../src/domain/vocabulary';
import { useI18n } from '../i18n/i18n';
import { isOverdue } from '../util/dates';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, padding: tokens.spacingHorizontalXL, maxWidth: '880px' },
  header: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  step: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** Sorts open actions by due date first, finished ones last. */
export function dueSoonFirst(actions: readonly Action[]): Action[] {
  const open = (a: Action) => a.status === 'planned' || a.status === 'inProgress';
  return [...actions].sort((a, b) => Number(open(b)) - Number(open(a)) || a.dueDate.localeCompare(b.dueDate));
}

function ActionRow({ action, unitName, onChanged }: { action: Action; unitName: string; onChanged: (action: Action) => void }) {
  const styles = useStyles();
  const { t, format } = useI18n();
  const { api } = useSession();
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  // choosing "done" opens the evaluation step: the action closes only with "Hur blev det?"
  const [evaluating, setEvaluating] = useState(false);
  const [evaluation, setEvaluation] = useState('');
  const save = async (changes: ActionChanges) => {
    setError(null);
    setSaved(false);
    try {
      onChanged(await api.updateAction(action, changes));
      setSaved(true);
      setEvaluating(false);
    } catch (caught) {
      // A conflict: show the current version, never overwrite it.
      if (caught instanceof ProblemError && caught.isConflict && caught.current) onChanged(caught.current as Action);
      setError(caught);
    }
  };
  const handleStatus = (status: ActionStatus) => {
    if (status === 'done' && !(action.evaluation ?? '').trim()) {
      setSaved(false);
      setError(null);
      setEvaluating(true);
      return;
    }
    void save({ status });
  };
  const handleDone = () => {
    if (!evaluation.trim()) {
      setError(new ProblemError({ status: 400, code: 'evaluationRequired', detail: t('channel.evaluationRequired'), field: 'evaluation' }));
      return;
    }
    void save({ status: 'done', evaluation });
  };
  const evaluationError = fieldError(error, 'evaluation');
  return (
    <li>
      <Card size="small">
        <CardHeader
          header={<Text weight="semibold">{action.title}</Text>}
          description={<Text size={200}>{[unitName, dueDateLine(action.dueDate, format)].filter(Boolean).join(' · ')}</Text>}
        />
        <ActionOriginLink action={action} />
        <div className={styles.row}>
          {isOverdue(action) && <Badge color="danger">{t('vocab.term.overdue')}</Badge>}
          <Select aria-label={t('channel.quickStatus', { title: action.title })} value={evaluating ? 'done' : action.status} onChange={(_, d) => handleStatus(d.value as ActionStatus)}>
            {actionStatuses.map((s) => <option key={s} value={s}>{t(`vocab.actionStatus.${s}`)}</option>)}
          </Select>
          {/* present before it speaks, so screen readers announce the save */}
          <Text size={200} role="status">{saved ? t('common.saved') : ''}</Text>
        </div>
        {evaluating && (
          <div className={styles.step}>
            <Field label={t('channel.evaluation', { question: t('vocab.question.evaluation') })} required hint={t('channel.evaluationRequired')} {...evaluationError}>
              <Textarea value={evaluation} onChange={(_, d) => setEvaluation(d.value)} resize="vertical" autoFocus />
            </Field>
            <div className={styles.row}>
              <Button appearance="primary" onClick={handleDone}>{t('channel.markDone')}</Button>
              <Button onClick={() => { setEvaluating(false); setError(null); }}>{t('common.cancel')}</Button>
            </div>
          </div>
        )}
        {error !== null && !('validationMessage' in evaluationError) && <ProblemBar error={error} />}
      </Card>
    </li>
  );
}

/**
 * The personal tab "Mina åtgärder": my actions across units, due soon first, and my unanswered
 * follow-ups. The administration and the board also get a link to the organizer's level here.
 */
export default function MyActions() {
  const styles = useStyles();
  const { t, format } = useI18n();
  const { api, switchPerson, name } = useSession();
  const [state, , setData] = useLoad<{ actions: Action[]; followUps: readonly Meeting[]; units: Record<string, string>; appRoles: Me['appRoles'] }>(async () => {
    const [actions, followUps, me] = await Promise.all([api.myActions(), api.myFollowUps(), api.me()]);
    return {
      actions: dueSoonFirst(actions.items), followUps: followUps.items, units: Object.fromEntries(me.units.map((u) => [u.unitId, u.name])),
      appRoles: me.appRoles,
    };
  }, 'mine');
  if (state.status === 'loading') return <StatusScreen busy message={t('common.loading')} />;
  if (state.status === 'error') return <StatusScreen title={t('common.errorTitle')}><ProblemBar error={state.error} /></StatusScreen>;
  const { actions, followUps, units, appRoles } = state.data;
  const handleChanged = (changed: Action) => setData({ ...state.data, actions: dueSoonFirst(actions.map((a) => (a.id === changed.id ? changed : a))) });
  return (
    <main className={styles.root} data-testid="my-actions">
      <div className={styles.header}>
        <Text as="h1" size={600} weight="semibold">{t('channel.myActionsTitle')}</Text>
        <div className={styles.row}>
          {name && <Text size={200}>{t('common.signedInAs', { name })}</Text>}
          {switchPerson && <Button size="small" onClick={switchPerson}>{t('common.switchPerson')}</Button>}
        </div>
      </div>
      <OrganizerLink me={{ appRoles }} />
      {actions.length === 0 ? <Text>{t('channel.myActionsEmpty')}</Text> : (
        <ul className={styles.list} aria-label={t('channel.myActionsTitle')}>
          {actions.map((a) => <ActionRow key={a.id} action={a} unitName={units[a.unitId] ?? ''} onChanged={handleChanged} />)}
        </ul>
      )}
      <section aria-labelledby="followups-heading">
        <Text as="h2" id="followups-heading" size={500} weight="semibold">{t('channel.myFollowUpsTitle')}</Text>
        {followUps.length === 0 ? <Text block>{t('channel.myFollowUpsEmpty')}</Text> : (
          <ul className={styles.list}>
            {followUps.map((m) => (
              <li key={m.id}>
                <Text>{m.title}</Text>{' '}
                <Text size={200}>{[m.unitId ? units[m.unitId] : undefined, t(`vocab.meetingType.${m.type}`), format.date(m.startsAt)].filter(Boolean).join(' · ')}</Text>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}

import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, Select, Textarea,
  makeStyles, tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { ProblemError } from '../../api/problem-error';
import type { Action, ActionStatus, Goal } from '../../api/types';
import { useSession } from '../../auth/session';
import { useOwnerOptions } from '../../hooks/use-owner-options';
import { ConflictPanel } from '../../components/conflict-panel';
import { OwnerSelectOptions } from '../../components/owner-select-options';
import { ProblemBar } from '../../components/problem-bar';
import { useI18n } from '../../i18n/i18n';
import { actionStatuses } from '../../../../src/domain/choices';
import { changesBetween, draftFrom, splitOrigin } from './action-form-state';
import type { ActionDraft } from './action-form-state';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** Someone who can own an action. */
export interface Person {
  id: string;
  name: string;
}

/** Creates a new action (no `action`) or edits one; a stale eTag opens the conflict panel. */
export function ActionDialog(props: {
  unitId: string;
  schoolYear: string;
  action?: Action;
  people: Person[];
  goals: Goal[];
  origins: { value: string; label: string }[];
  onSaved: (action: Action) => void;
  onClose: () => void;
}) {
  const styles = useStyles();
  const { t, format } = useI18n();
  const { api } = useSession();
  // the people offered plus the unit's principals and staff, so anyone in the unit can be made owner
  const owners = useOwnerOptions(props.unitId, props.people);
  // `base` carries the eTag to send; `editedFrom` is the version the user's edits started from,
  // so a save after a conflict sends only the user's own changes.
  const [base, setBase] = useState<Action | undefined>(props.action);
  const [editedFrom, setEditedFrom] = useState<Action | undefined>(props.action);
  const [draft, setDraft] = useState<ActionDraft>(() => props.action ? draftFrom(props.action) : {
    title: '', ownerId: props.people[0]?.id ?? '', ownerName: props.people[0]?.name ?? '', dueDate: '', status: 'planned',
    goalId: '', evaluation: '', origin: props.origins[0]?.value ?? '',
  });
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<Action | null>(null);
  const [busy, setBusy] = useState(false);
  const field = error instanceof ProblemError ? error.field : undefined;
  const invalid = (name: string) => (field === name ? { validationState: 'error' as const, validationMessage: (error as ProblemError).fieldMessage } : {});
  const set = <K extends keyof ActionDraft>(key: K, value: ActionDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const save = async (against: Action | undefined) => {
    setBusy(true);
    setError(null);
    try {
      let saved: Action;
      if (against) {
        saved = await api.updateAction(against, changesBetween(editedFrom ?? against, draft));
      } else {
        const origin = splitOrigin(draft.origin);
        if (!origin) throw new ProblemError({ status: 400, code: 'noOrigin', detail: t('channel.needOrigin'), field: 'originId' });
        saved = await api.createAction(props.unitId, {
          title: draft.title, ownerId: draft.ownerId, dueDate: draft.dueDate, status: draft.status,
          schoolYear: props.schoolYear, ...origin,
          ...(draft.ownerName ? { ownerName: draft.ownerName } : {}),
          ...(draft.goalId ? { goalId: draft.goalId } : {}),
          ...(draft.evaluation ? { evaluation: draft.evaluation } : {}),
        });
      }
      props.onSaved(saved);
    } catch (caught) {
      if (caught instanceof ProblemError && caught.isConflict && isAction(caught.current)) setConflict(caught.current);
      else setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save(base);
  };
  const handleUseTheirs = () => {
    if (!conflict) return;
    setBase(conflict);
    setEditedFrom(conflict);
    setDraft(draftFrom(conflict));
    setConflict(null);
  };
  const handleKeepMine = () => {
    if (!conflict) return;
    // Re-apply only the fields the user changed, on top of the version they have now seen:
    // the other person's changes to other fields stay.
    setBase(conflict);
    setConflict(null);
    void save(conflict);
  };
  const evaluationLabel = t('channel.evaluation', { question: t('vocab.question.evaluation') });
  const compare = (theirs: Action, mine: ActionDraft) => [
    { label: t('common.title'), theirs: theirs.title, mine: mine.title },
    { label: t('vocab.term.owner'), theirs: theirs.ownerName ?? '', mine: mine.ownerName },
    { label: t('vocab.term.dueDate'), theirs: format.date(theirs.dueDate), mine: format.date(mine.dueDate) },
    { label: t('common.status'), theirs: t(`vocab.actionStatus.${theirs.status}`), mine: t(`vocab.actionStatus.${mine.status}`) },
    { label: t('common.goal'), theirs: goalTitle(theirs.goalId), mine: goalTitle(mine.goalId) },
    { label: evaluationLabel, theirs: theirs.evaluation ?? '', mine: mine.evaluation },
  ];
  const goalTitle = (goalId: string | undefined) => props.goals.find((g) => g.id === goalId)?.title ?? '';
  const handleOwner = (ownerId: string) => {
    setDraft((d) => ({ ...d, ownerId, ownerName: owners.find((p) => p.id === ownerId)?.name ?? '' }));
  };

  return (
    <Dialog open modalType="modal" onOpenChange={(_, data) => !data.open && props.onClose()}>
      <DialogSurface aria-describedby={undefined}>
        <form onSubmit={handleSubmit}>
          <DialogBody>
            <DialogTitle>{props.action ? t('channel.editAction') : t('common.newAction')}</DialogTitle>
            <DialogContent className={styles.form}>
              {conflict && <ConflictPanel rows={compare(conflict, draft)} onUseTheirs={handleUseTheirs} onKeepMine={handleKeepMine} />}
              {error !== null && !field && <ProblemBar error={error} />}
              <Field label={t('common.title')} required {...invalid('title')}>
                <Input value={draft.title} onChange={(_, d) => set('title', d.value)} />
              </Field>
              <Field label={t('vocab.term.owner')} required {...invalid('ownerId')}>
                <Select value={draft.ownerId} onChange={(_, d) => handleOwner(d.value)}>
                  <OwnerSelectOptions options={owners} />
                </Select>
              </Field>
              <Field label={t('vocab.term.dueDate')} required {...invalid('dueDate')}>
                <Input type="date" value={draft.dueDate} onChange={(_, d) => set('dueDate', d.value)} />
              </Field>
              <Field label={t('common.status')} {...invalid('status')}>
                <Select value={draft.status} onChange={(_, d) => set('status', d.value as ActionStatus)}>
                  {actionStatuses.map((s) => <option key={s} value={s}>{t(`vocab.actionStatus.${s}`)}</option>)}
                </Select>
              </Field>
              {!props.action && (
                <Field label={t('channel.fieldOrigin')} required {...invalid('originId')} {...(props.origins.length === 0 ? { validationMessage: t('channel.needOrigin'), validationState: 'warning' as const } : {})}>
                  <Select value={draft.origin} onChange={(_, d) => set('origin', d.value)}>
                    {props.origins.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
                  </Select>
                </Field>
              )}
              <Field label={t('common.goal')} {...invalid('goalId')}>
                <Select value={draft.goalId} onChange={(_, d) => set('goalId', d.value)}>
                  <option value="">{t('common.none')}</option>
                  {props.goals.map((g) => <option key={g.id} value={g.id}>{g.title}</option>)}
                </Select>
              </Field>
              {props.action && (
                <Field label={evaluationLabel} {...invalid('evaluation')}>
                  <Textarea value={draft.evaluation} onChange={(_, d) => set('evaluation', d.value)} resize="vertical" />
                </Field>
              )}
            </DialogContent>
            <DialogActions>
              <Button type="button" onClick={props.onClose}>{t('common.cancel')}</Button>
              <Button type="submit" appearance="primary" disabled={busy || conflict !== null}>{t('common.save')}</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

function isAction(value: unknown): value is Action {
  return Boolean(value && typeof value === 'object' && 'id' in value && 'etag' in value && 'title' in value);
}

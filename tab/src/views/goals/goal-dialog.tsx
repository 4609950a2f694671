import { Field, Input, Select, Textarea } from '@fluentui/react-components';
import type { Goal } from '../../../../src/contract';
import { ConflictPanel } from '../../components/conflict-panel';
import { FormDialog } from '../../components/form-dialog';
import { fieldError, problemField } from '../../components/field-error';
import { ProblemBar } from '../../components/problem-bar';
import { useConflictSave } from '../../hooks/use-conflict-save';
import type { ConflictWrite } from '../../hooks/use-conflict-save';
import { useI18n } from '../../i18n/i18n';

/** The goal form's fields, as typed. */
export interface GoalDraft {
  title: string;
  description: string;
  parentGoalId: string;
}

export function goalDraftOf(goal: Goal | undefined, parents: readonly { id: string }[], parentRequired: boolean): GoalDraft {
  return { title: goal?.title ?? '', description: goal?.description ?? '', parentGoalId: goal?.parentGoalId ?? (parentRequired ? parents[0]?.id ?? '' : '') };
}

/** Only the fields that changed: the PATCH body. */
export function goalChanges(before: Goal, draft: GoalDraft): Partial<Pick<Goal, 'title' | 'description' | 'parentGoalId'>> {
  return {
    ...(draft.title !== before.title ? { title: draft.title } : {}),
    ...(draft.description !== (before.description ?? '') ? { description: draft.description } : {}),
    ...(draft.parentGoalId !== (before.parentGoalId ?? '') && draft.parentGoalId ? { parentGoalId: draft.parentGoalId } : {}),
  };
}

/**
 * Adds or edits a goal of the hierarchy: an organizer goal, an area, or a unit's goal under one of
 * them (its parent is required). Saving on top of someone else's change opens the conflict panel.
 */
export function GoalDialog(props: {
  heading: string;
  goal?: Goal;
  /** what the goal can stand under, with the label the picker shows */
  parents: readonly { id: string; label: string }[];
  parentRequired: boolean;
  write: ConflictWrite<Goal, GoalDraft>;
  onSaved: (goal: Goal) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const form = useConflictSave<Goal, GoalDraft>({
    initial: props.goal,
    draftOf: (goal) => goalDraftOf(goal, props.parents, props.parentRequired),
    isVersion: isGoal,
  });
  const { draft, error, conflict, busy } = form;
  const field = problemField(error);
  const set = <K extends keyof GoalDraft>(key: K, value: GoalDraft[K]) => form.change((d) => ({ ...d, [key]: value }));
  const parentLabel = (id: string | undefined) => props.parents.find((p) => p.id === id)?.label ?? '';
  const done = (saved: Goal | undefined) => {
    if (saved) props.onSaved(saved);
  };
  const handleSubmit = () => void form.save(props.write).then(done);

  return (
    <FormDialog values={draft} title={props.heading} saveDisabled={busy || conflict !== null || (props.parentRequired && !draft.parentGoalId)} onSubmit={handleSubmit} onClose={props.onClose}>
          {conflict && (
            <ConflictPanel
              rows={[
                { label: t('common.title'), theirs: conflict.title, mine: draft.title },
                { label: t('common.description'), theirs: conflict.description ?? '', mine: draft.description },
                { label: t('channel.goalParent'), theirs: parentLabel(conflict.parentGoalId), mine: parentLabel(draft.parentGoalId) },
              ]}
              onUseTheirs={form.takeTheirs}
              onKeepMine={() => void form.keepMine().then(done)}
            />
          )}
          {error !== null && !['title', 'description', 'parentGoalId'].includes(field ?? '') && <ProblemBar error={error} />}
          <Field label={t('common.title')} required {...fieldError(error, 'title')}>
            <Input value={draft.title} onChange={(_, d) => set('title', d.value)} />
          </Field>
          <Field label={t('common.description')} {...fieldError(error, 'description')}>
            <Textarea value={draft.description} onChange={(_, d) => set('description', d.value)} resize="vertical" />
          </Field>
          {(props.parents.length > 0 || props.parentRequired) && (
            <Field
              label={t('channel.goalParent')}
              required={props.parentRequired}
              {...fieldError(error, 'parentGoalId')}
              {...(props.parents.length === 0 && field !== 'parentGoalId' ? { validationState: 'warning' as const, validationMessage: t('channel.goalNoParents') } : {})}
            >
              <Select value={draft.parentGoalId} onChange={(_, d) => set('parentGoalId', d.value)} disabled={props.parents.length === 0}>
                {!props.parentRequired && <option value="">{t('common.none')}</option>}
                {props.parents.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
              </Select>
            </Field>
          )}
    </FormDialog>
  );
}

function isGoal(value: unknown): value is Goal {
  return Boolean(value && typeof value === 'object' && 'id' in value && 'etag' in value && 'level' in value && 'title' in value);
}

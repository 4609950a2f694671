import { Field, Input, Radio, RadioGroup, Select, Textarea } from '@fluentui/react-components';
import { FormDialog } from '../../components/form-dialog';
import { actionStatuses } from '../../../../src/domain/choices';
import { ProblemError } from '../../api/problem-error';
import type { Action, Goal } from '../../../../src/contract';
import type { ActionStatus, OriginKind } from '../../../../src/domain';
import { useSession } from '../../auth/session';
import { ConflictPanel } from '../../components/conflict-panel';
import { fieldError, problemField } from '../../components/field-error';
import { OwnerSelectOptions } from '../../components/owner-select-options';
import { ProblemBar } from '../../components/problem-bar';
import { useConflictSave } from '../../hooks/use-conflict-save';
import type { ConflictWrite } from '../../hooks/use-conflict-save';
import { useLoad } from '../../hooks/use-load';
import { useOwnerOptions } from '../../hooks/use-owner-options';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/i18n';
import { changesBetween, draftFrom, draftViolation, newDraft } from './action-form-state';
import type { ActionDraft } from './action-form-state';
import { ActionComments } from './action-comments';
import { originChoices, originFields, originKindsFor, picksRecord, resolveOrigin } from './action-origin';
import { ActionOriginLink } from './action-origin-link';
import type { OriginChoices, OriginInput } from './action-origin';

/** Someone who can own an action. */
export interface Person {
  id: string;
  name: string;
}

/** The radio button of each origin kind, where the dialog is opened. */
const kindLabels = {
  unit: { analysis: 'channel.originAnalysis', meeting: 'channel.originMeeting', deficiency: 'channel.originDeficiency' },
  meeting: { analysis: 'channel.originAnalysis', meeting: 'channel.originThisMeeting', deficiency: 'channel.originDeficiency' },
  deficiency: { analysis: 'channel.originAnalysis', meeting: 'channel.originMeeting', deficiency: 'channel.originThisDeficiency' },
} as const satisfies Record<OriginInput['in'], Record<OriginKind, MessageKey>>;
const emptyLabels = {
  analysis: 'channel.noAnalyses', meeting: 'channel.noMeetings', deficiency: 'channel.noOpenDeficiencies',
} as const satisfies Record<OriginKind, MessageKey>;

/**
 * The one action form: creates a new action (no `action`) or edits one, in the channel tab, in a
 * meeting and from a deficiency of the register (`origin` says which). A new action comes from one of the unit's analyses, meetings or
 * open deficiencies, or from the meeting it is recorded in; its owner is anyone the picker offers,
 * saved with the name the picker shows. A stale eTag opens the conflict panel.
 */
export function ActionDialog(props: {
  unitId: string;
  schoolYear: string;
  origin: OriginInput;
  action?: Action;
  /** opened to mark the action done: the status is set and the evaluation asked for */
  markDone?: boolean;
  people: Person[];
  goals: readonly Goal[];
  onSaved: (action: Action) => void;
  onClose: () => void;
}) {
  const { t, language, format } = useI18n();
  const { api } = useSession();
  // the people offered plus the unit's principals and staff, so anyone in the unit can be made owner
  const owners = useOwnerOptions(props.unitId, props.people);
  const form = useConflictSave<Action, ActionDraft>({
    initial: props.action,
    draftOf: (action) => (action ? { ...draftFrom(action), ...(props.markDone ? { status: 'done' as const } : {}) } : newDraft(props.people[0]?.id ?? '')),
    isVersion: isAction,
  });
  const { draft, error, conflict, busy } = form;
  const [choices] = useLoad<OriginChoices | null>(async () => {
    // an edit keeps its origin; from a deficiency the origin is that deficiency
    if (props.action || props.origin.in === 'deficiency') return null;
    const [analyses, meetings, deficiencies] = await Promise.all([
      api.analyses(props.unitId),
      props.origin.in === 'unit' ? api.meetings(props.unitId).then((answer) => answer.items) : Promise.resolve([]),
      // Deficiencies are an origin only; a unit without access to them still plans from analyses and meetings.
      api.deficiencies(props.unitId).then((answer) => answer.items, () => []),
    ]);
    const draftWord = t('vocab.analysisStatus.draft').toLocaleLowerCase(language);
    return originChoices({ analyses: analyses.items, meetings, deficiencies }, (analysis) =>
      `${t('common.analysisOf', { period: analysis.period })}${analysis.status === 'draft' ? ` (${draftWord})` : ''}`);
  }, `${props.unitId}|${props.action?.id ?? 'new'}`);
  const loaded = choices.status === 'ready' && choices.data ? choices.data : undefined;
  const origin = resolveOrigin(props.origin, loaded, draft.origin);
  const pickOptions = origin.kind !== null && picksRecord(props.origin, origin.kind) ? loaded?.[origin.kind] ?? [] : undefined;
  const field = problemField(error);
  const set = <K extends keyof ActionDraft>(key: K, value: ActionDraft[K]) => form.change((d) => ({ ...d, [key]: value }));
  const ownerName = (ownerId: string) => owners.find((p) => p.id === ownerId)?.name ?? (ownerId === props.action?.ownerId ? props.action.ownerName : undefined);
  const goalTitle = (goalId: string | undefined) => props.goals.find((g) => g.id === goalId)?.title ?? '';

  const violationWords = { startAfterDue: 'channel.startAfterDue', evaluationRequired: 'channel.evaluationRequired' } as const;
  const write: ConflictWrite<Action, ActionDraft> = async (current, against, editedFrom) => {
    const violation = draftViolation(current);
    if (violation && (violation.code === 'startAfterDue' || violation.code === 'evaluationRequired')) {
      throw new ProblemError({ status: 400, code: violation.code, detail: t(violationWords[violation.code]), field: violation.field });
    }
    if (against) return api.updateAction(against, changesBetween(editedFrom ?? against, current, ownerName(current.ownerId)));
    const fields = originFields(props.origin, origin);
    if (!fields) throw new ProblemError({ status: 400, code: 'noOrigin', detail: t('channel.chooseOriginFirst'), field: 'originId' });
    const name = ownerName(current.ownerId);
    return api.createAction(props.unitId, {
      title: current.title, ownerId: current.ownerId, dueDate: current.dueDate, status: current.status, schoolYear: props.schoolYear, ...fields,
      ...(current.startDate ? { startDate: current.startDate } : {}),
      ...(name ? { ownerName: name } : {}),
      ...(current.goalId ? { goalId: current.goalId } : {}),
      ...(current.evaluation ? { evaluation: current.evaluation } : {}),
    });
  };
  const done = (saved: Action | undefined) => {
    if (saved) props.onSaved(saved);
  };
  const handleSubmit = () => void form.save(write).then(done);
  const handleKeepMine = () => void form.keepMine().then(done);
  const status = (value: ActionStatus) => t(`vocab.actionStatus.${value}`);
  const evaluationLabel = t('channel.evaluation', { question: t('vocab.question.evaluation') });
  const compare = (theirs: Action, mine: ActionDraft) => [
    { label: t('common.title'), theirs: theirs.title, mine: mine.title },
    { label: t('vocab.term.owner'), theirs: theirs.ownerName ?? '', mine: ownerName(mine.ownerId) ?? '' },
    { label: t('vocab.term.startDate'), theirs: format.date(theirs.startDate), mine: format.date(mine.startDate) },
    { label: t('vocab.term.dueDate'), theirs: format.date(theirs.dueDate), mine: format.date(mine.dueDate) },
    { label: t('common.status'), theirs: status(theirs.status), mine: status(mine.status) },
    { label: t('common.goal'), theirs: goalTitle(theirs.goalId), mine: goalTitle(mine.goalId) },
    { label: evaluationLabel, theirs: theirs.evaluation ?? '', mine: mine.evaluation },
  ];

  return (
    // the form's own messages (the domain's rules, the API's problems) say what is missing, in the user's language
    <FormDialog values={draft} title={props.action ? (props.markDone ? t('channel.markDoneTitle', { title: props.action.title }) : t('channel.editAction')) : t('common.newAction')} saveDisabled={busy || conflict !== null} noValidate onSubmit={handleSubmit} onClose={props.onClose}>
      {conflict && <ConflictPanel rows={compare(conflict, draft)} onUseTheirs={form.takeTheirs} onKeepMine={handleKeepMine} />}
      {error !== null && !field && <ProblemBar error={error} />}
      <Field label={t('common.title')} required {...fieldError(error, 'title')}>
        <Input value={draft.title} onChange={(_, d) => set('title', d.value)} />
      </Field>
      <Field label={t('vocab.term.owner')} required {...fieldError(error, 'ownerId')}>
        <Select value={draft.ownerId} onChange={(_, d) => set('ownerId', d.value)}>
          <OwnerSelectOptions options={owners} />
        </Select>
      </Field>
      <Field label={t('vocab.term.startDate')} {...fieldError(error, 'startDate')}>
        <Input type="date" value={draft.startDate} max={draft.dueDate || undefined} onChange={(_, d) => set('startDate', d.value)} />
      </Field>
      <Field label={t('vocab.term.dueDate')} required {...fieldError(error, 'dueDate')}>
        <Input type="date" value={draft.dueDate} onChange={(_, d) => set('dueDate', d.value)} />
      </Field>
      <Field label={t('common.status')} {...fieldError(error, 'status')}>
        <Select value={draft.status} onChange={(_, d) => set('status', d.value as ActionStatus)}>
          {actionStatuses.map((s) => <option key={s} value={s}>{status(s)}</option>)}
        </Select>
      </Field>
      {!props.action && (
        <>
          <Field
            label={t('channel.originLegend')}
            required
            {...fieldError(error, 'meetingId')}
            {...(origin.kind === null ? fieldError(error, 'originId') : {})}
          >
            <RadioGroup value={origin.kind ?? ''} onChange={(_, d) => set('origin', { kind: d.value as OriginKind, id: '' })}>
              {originKindsFor(props.origin).map((kind) => <Radio key={kind} value={kind} label={t(kindLabels[props.origin.in][kind])} />)}
            </RadioGroup>
          </Field>
          {pickOptions && origin.kind !== null && (
            <Field
              label={t(`vocab.originKind.${origin.kind}`)}
              required
              {...fieldError(error, 'originId')}
              {...(loaded && pickOptions.length === 0 && field !== 'originId' ? { validationState: 'warning' as const, validationMessage: t(emptyLabels[origin.kind]) } : {})}
            >
              <Select value={origin.id} onChange={(_, d) => set('origin', { kind: origin.kind, id: d.value })} disabled={pickOptions.length === 0}>
                <option value="">{t('channel.chooseRecord')}</option>
                {pickOptions.map((option) => <option key={option.id} value={option.id}>{option.label}</option>)}
              </Select>
            </Field>
          )}
          {choices.status === 'error' && <ProblemBar error={choices.error} />}
        </>
      )}
      <Field label={t('common.goal')} {...fieldError(error, 'goalId')}>
        <Select value={draft.goalId} onChange={(_, d) => set('goalId', d.value)}>
          <option value="">{t('common.none')}</option>
          {props.goals.map((g) => <option key={g.id} value={g.id}>{g.title}</option>)}
        </Select>
      </Field>
      {(props.action || draft.status === 'done') && (
        <Field
          label={evaluationLabel}
          required={draft.status === 'done'}
          hint={draft.status === 'done' ? t('channel.evaluationRequired') : undefined}
          {...fieldError(error, 'evaluation')}
        >
          <Textarea value={draft.evaluation} onChange={(_, d) => set('evaluation', d.value)} resize="vertical" />
        </Field>
      )}
      {props.action && (
        <>
          <ActionOriginLink action={props.action} goalTitle={goalTitle(props.action.goalId)} />
          <ActionComments action={form.base ?? props.action} mayComment onCommented={form.settle} />
        </>
      )}
    </FormDialog>
  );
}

function isAction(value: unknown): value is Action {
  return Boolean(value && typeof value === 'object' && 'id' in value && 'etag' in value && 'title' in value);
}

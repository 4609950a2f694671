import { Field, Input, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { Deficiency } from '../../../../src/contract';
import { deficiencySources } from '../../../../src/domain/choices';
import type { DeficiencyChanges, NewDeficiency } from '../../api/client';
import { useSession } from '../../auth/session';
import { ConflictPanel } from '../../components/conflict-panel';
import { FormDialog } from '../../components/form-dialog';
import { fieldError, problemField } from '../../components/field-error';
import { ProblemBar } from '../../components/problem-bar';
import { useConflictSave } from '../../hooks/use-conflict-save';
import type { ConflictWrite } from '../../hooks/use-conflict-save';
import { useI18n } from '../../i18n/i18n';
import { todayIso } from '../../util/dates';

const useStyles = makeStyles({
  pair: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))', gap: tokens.spacingHorizontalM },
});

/** The deficiency form's fields as typed. */
export type DeficiencyDraft = Pick<Required<NewDeficiency>, 'title' | 'description' | 'source' | 'foundOn' | 'deadline' | 'caseNumber'>;

export function deficiencyDraftOf(deficiency: Deficiency | undefined): DeficiencyDraft {
  return {
    title: deficiency?.title ?? '',
    description: deficiency?.description ?? '',
    source: deficiency?.source ?? 'inspection',
    foundOn: deficiency?.foundOn ?? todayIso(),
    deadline: deficiency?.deadline ?? '',
    caseNumber: deficiency?.caseNumber ?? '',
  };
}

/** The draft as a new deficiency: empty optional fields are left out. */
export function newDeficiencyOf(draft: DeficiencyDraft): NewDeficiency {
  return {
    title: draft.title.trim(), source: draft.source, foundOn: draft.foundOn,
    ...(draft.description.trim() ? { description: draft.description.trim() } : {}),
    ...(draft.deadline ? { deadline: draft.deadline } : {}),
    ...(draft.caseNumber.trim() ? { caseNumber: draft.caseNumber.trim() } : {}),
  };
}

/** Only what changed since `before` (an optional field cannot be emptied here once set: it keeps its value). */
export function deficiencyChanges(before: Deficiency, draft: DeficiencyDraft): DeficiencyChanges {
  const next = newDeficiencyOf(draft);
  const changes: DeficiencyChanges = {};
  for (const key of ['title', 'source', 'foundOn', 'description', 'deadline', 'caseNumber'] as const) {
    if (next[key] !== undefined && next[key] !== before[key]) Object.assign(changes, { [key]: next[key] });
  }
  return changes;
}

/**
 * Records a deficiency of the unit, or edits one: what was found (without personal data), where it
 * came from, when, the deadline and the case number (Skolinspektionen's diarienummer).
 */
export function DeficiencyDialog(props: { unitId: string; deficiency?: Deficiency; onSaved: (deficiency: Deficiency) => void; onClose: () => void }) {
  const styles = useStyles();
  const { t, format } = useI18n();
  const { api } = useSession();
  const form = useConflictSave<Deficiency, DeficiencyDraft>({ initial: props.deficiency, draftOf: deficiencyDraftOf, isVersion: isDeficiency });
  const { draft, error, conflict, busy } = form;
  const field = problemField(error);
  const set = <K extends keyof DeficiencyDraft>(key: K, value: DeficiencyDraft[K]) => form.change((d) => ({ ...d, [key]: value }));
  const write: ConflictWrite<Deficiency, DeficiencyDraft> = (current, base, editedFrom) =>
    base ? api.updateDeficiency(base, deficiencyChanges(editedFrom ?? base, current)) : api.createDeficiency(props.unitId, newDeficiencyOf(current));
  const done = (saved: Deficiency | undefined) => {
    if (saved) props.onSaved(saved);
  };
  const handleSubmit = () => void form.save(write).then(done);
  const known = ['title', 'description', 'source', 'foundOn', 'deadline', 'caseNumber'];

  return (
    <FormDialog values={draft} title={t(props.deficiency ? 'channel.deficiencyEdit' : 'channel.deficiencyNew')} saveDisabled={busy || conflict !== null} onSubmit={handleSubmit} onClose={props.onClose}>
          {conflict && (
            <ConflictPanel
              rows={[
                { label: t('common.title'), theirs: conflict.title, mine: draft.title },
                { label: t('common.description'), theirs: conflict.description ?? '', mine: draft.description },
                { label: t('vocab.term.deadline'), theirs: format.date(conflict.deadline), mine: format.date(draft.deadline || undefined) },
                { label: t('vocab.term.caseNumber'), theirs: conflict.caseNumber ?? '', mine: draft.caseNumber },
              ]}
              onUseTheirs={form.takeTheirs}
              onKeepMine={() => void form.keepMine().then(done)}
            />
          )}
          {error !== null && !known.includes(field ?? '') && <ProblemBar error={error} />}
          <Field label={t('common.title')} required {...fieldError(error, 'title')}>
            <Input value={draft.title} onChange={(_, d) => set('title', d.value)} />
          </Field>
          <Field label={t('common.source')} {...fieldError(error, 'source')}>
            <Select value={draft.source} onChange={(_, d) => set('source', deficiencySources.find((s) => s === d.value) ?? draft.source)}>
              {deficiencySources.map((s) => <option key={s} value={s}>{t(`vocab.deficiencySource.${s}`)}</option>)}
            </Select>
          </Field>
          <Field label={t('common.description')} hint={t('channel.deficiencyDescriptionHint')} {...fieldError(error, 'description')}>
            <Textarea value={draft.description} onChange={(_, d) => set('description', d.value)} resize="vertical" />
          </Field>
          <div className={styles.pair}>
            <Field label={t('vocab.term.foundOn')} required {...fieldError(error, 'foundOn')}>
              <Input type="date" value={draft.foundOn} onChange={(_, d) => set('foundOn', d.value)} />
            </Field>
            <Field label={t('vocab.term.deadline')} {...fieldError(error, 'deadline')}>
              <Input type="date" value={draft.deadline} onChange={(_, d) => set('deadline', d.value)} />
            </Field>
          </div>
          <Field label={t('vocab.term.caseNumber')} hint={t('channel.deficiencyCaseNumberHint')} {...fieldError(error, 'caseNumber')}>
            <Input value={draft.caseNumber} onChange={(_, d) => set('caseNumber', d.value)} />
          </Field>
    </FormDialog>
  );
}

function isDeficiency(value: unknown): value is Deficiency {
  return Boolean(value && typeof value === 'object' && 'id' in value && 'etag' in value && 'foundOn' in value);
}

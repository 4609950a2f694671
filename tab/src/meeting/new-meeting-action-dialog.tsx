import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, Radio, RadioGroup, Select,
  makeStyles, tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { ProblemError } from '../api/problem-error';
import type { Action, Goal, OriginKind } from '../api/types';
import { useSession } from '../auth/session';
import { ProblemBar } from '../components/problem-bar';
import { OwnerSelectOptions } from '../components/owner-select-options';
import { useLoad } from '../hooks/use-load';
import { useOwnerOptions } from '../hooks/use-owner-options';
import { originChoices, originFields, type OriginChoices } from './meeting-action-origin';
import type { Person } from '../views/actions/action-dialog';
import { useI18n } from '../i18n/i18n';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export interface NewMeetingActionDialogProps {
  meetingId: string;
  unitId: string;
  schoolYear: string;
  people: Person[];
  goals: Goal[];
  onSaved: (action: Action) => void;
  onClose: () => void;
}

interface Draft {
  title: string;
  ownerId: string;
  dueDate: string;
  kind: OriginKind;
  originId: string;
  goalId: string;
}

/**
 * A new action recorded in the meeting: title, owner, due date, what it comes from (this meeting,
 * one of the unit's analyses or one of its open deficiencies) and an optional goal. It always
 * records the meeting, so it shows in the panel whatever its origin.
 */
export function NewMeetingActionDialog(props: NewMeetingActionDialogProps) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const { api } = useSession();
  // the meeting's people plus the unit's principals and staff, so anyone in the unit can be made owner
  const owners = useOwnerOptions(props.unitId, props.people);
  const [choices] = useLoad<OriginChoices>(async () => {
    const [analyses, deficiencies] = await Promise.all([api.analyses(props.unitId), api.deficiencies(props.unitId)]);
    const draftWord = t('vocab.analysisStatus.draft').toLocaleLowerCase(language);
    return originChoices(analyses.items, deficiencies.items, (analysis) =>
      `${t('common.analysisOf', { period: analysis.period })}${analysis.status === 'draft' ? ` (${draftWord})` : ''}`);
  }, props.unitId);
  const [draft, setDraft] = useState<Draft>({
    title: '', ownerId: props.people[0]?.id ?? '', dueDate: '', kind: 'meeting', originId: '', goalId: '',
  });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const field = error instanceof ProblemError ? error.field : undefined;
  const invalid = (name: string) => (field === name ? { validationState: 'error' as const, validationMessage: (error as ProblemError).fieldMessage } : {});
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const options = draft.kind === 'meeting' || choices.status !== 'ready' ? [] : choices.data[draft.kind];
  // The picker shows its first option until one is chosen (also when the choices came after the kind).
  const originId = options.some((option) => option.id === draft.originId) ? draft.originId : options[0]?.id ?? '';

  const handleKind = (kind: OriginKind) => setDraft((d) => ({ ...d, kind, originId: '' }));

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const origin = originFields(props.meetingId, draft.kind, originId);
      if (!origin) throw new ProblemError({ status: 400, code: 'noOrigin', detail: t(draft.kind === 'analysis' ? 'channel.chooseAnalysisFirst' : 'channel.chooseDeficiencyFirst'), field: 'originId' });
      const owner = owners.find((person) => person.id === draft.ownerId);
      const saved = await api.createAction(props.unitId, {
        title: draft.title, ownerId: draft.ownerId, dueDate: draft.dueDate, status: 'planned', schoolYear: props.schoolYear, ...origin,
        ...(owner ? { ownerName: owner.name } : {}),
        ...(draft.goalId ? { goalId: draft.goalId } : {}),
      });
      props.onSaved(saved);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const pickerLabel = draft.kind === 'analysis' ? t('vocab.originKind.analysis') : t('vocab.originKind.deficiency');
  const emptyMessage = draft.kind === 'analysis' ? t('channel.noAnalyses') : t('channel.noOpenDeficiencies');

  return (
    <Dialog open modalType="modal" onOpenChange={(_, data) => !data.open && props.onClose()}>
      <DialogSurface aria-describedby={undefined}>
        <form onSubmit={(event) => void handleSubmit(event)}>
          <DialogBody>
            <DialogTitle>{t('common.newAction')}</DialogTitle>
            <DialogContent className={styles.form}>
              {error !== null && !field && <ProblemBar error={error} />}
              <Field label={t('common.title')} required {...invalid('title')}>
                <Input value={draft.title} onChange={(_, d) => set('title', d.value)} />
              </Field>
              <Field label={t('vocab.term.owner')} required {...invalid('ownerId')}>
                <Select value={draft.ownerId} onChange={(_, d) => set('ownerId', d.value)}>
                  <OwnerSelectOptions options={owners} />
                </Select>
              </Field>
              <Field label={t('vocab.term.dueDate')} required {...invalid('dueDate')}>
                <Input type="date" value={draft.dueDate} onChange={(_, d) => set('dueDate', d.value)} />
              </Field>
              <Field label={t('channel.originLegend')} {...invalid('meetingId')}>
                <RadioGroup value={draft.kind} onChange={(_, d) => handleKind(d.value as OriginKind)}>
                  <Radio value="meeting" label={t('channel.originThisMeeting')} />
                  <Radio value="analysis" label={t('channel.originAnalysis')} />
                  <Radio value="deficiency" label={t('channel.originDeficiency')} />
                </RadioGroup>
              </Field>
              {draft.kind !== 'meeting' && (
                <Field
                  label={pickerLabel}
                  required
                  {...invalid('originId')}
                  {...(choices.status === 'ready' && options.length === 0 && field !== 'originId' ? { validationState: 'warning' as const, validationMessage: emptyMessage } : {})}
                >
                  <Select value={originId} onChange={(_, d) => set('originId', d.value)} disabled={options.length === 0}>
                    {options.map((option) => <option key={option.id} value={option.id}>{option.label}</option>)}
                  </Select>
                </Field>
              )}
              {choices.status === 'error' && draft.kind !== 'meeting' && <ProblemBar error={choices.error} />}
              <Field label={t('common.goal')} {...invalid('goalId')}>
                <Select value={draft.goalId} onChange={(_, d) => set('goalId', d.value)}>
                  <option value="">{t('common.none')}</option>
                  {props.goals.map((goal) => <option key={goal.id} value={goal.id}>{goal.title}</option>)}
                </Select>
              </Field>
            </DialogContent>
            <DialogActions>
              <Button type="button" onClick={props.onClose}>{t('common.cancel')}</Button>
              <Button type="submit" appearance="primary" disabled={busy}>{t('common.save')}</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

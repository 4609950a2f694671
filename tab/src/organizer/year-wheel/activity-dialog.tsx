import { Field, Input, Select, Textarea } from '@fluentui/react-components';
import { FormDialog } from '../../components/form-dialog';
import { useState } from 'react';
import { ProblemBar } from '../../components/problem-bar';
import { useI18n } from '../../i18n/i18n';
import { schoolYearOf } from '../../../../src/domain/common';
import { activityKinds } from '../../../../src/domain/choices';
import type { YearWheelActivity } from '../../../../src/contract';
import type { ActivityKind, YearWheelActivity as YearWheelActivityFields } from '../../../../src/domain';

/** What the dialog hands back: the fields of a new or changed activity. */
export type ActivityDraft = YearWheelActivityFields;

/** Adds or edits a municipality-wide activity; the school year follows from the date. */
export function ActivityDialog(props: {
  /** Closing through `open` (not by unmounting) lets the dialog hand the page back to assistive technology. */
  open: boolean;
  activity?: YearWheelActivity;
  defaultDate: string;
  onSave: (draft: ActivityDraft) => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [title, setTitle] = useState(props.activity?.title ?? '');
  // a new activity's kind is chosen, never assumed
  const [kind, setKind] = useState<ActivityKind | ''>(props.activity?.kind ?? '');
  const [date, setDate] = useState(props.activity?.date ?? props.defaultDate);
  const [description, setDescription] = useState(props.activity?.description ?? '');
  const [remind, setRemind] = useState(props.activity?.remindDaysBefore?.toString() ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const handleSubmit = async () => {
    if (kind === '') return;
    setBusy(true);
    setError(null);
    try {
      await props.onSave({
        title: title.trim(),
        kind,
        date,
        schoolYear: schoolYearOf(date),
        ...(description.trim() ? { description: description.trim() } : {}),
        ...(remind.trim() ? { remindDaysBefore: Number(remind) } : {}),
        ...(props.activity?.unitId ? { unitId: props.activity.unitId } : {}),
      });
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <FormDialog open={props.open} values={{ title, kind, date, description, remind }} title={t(props.activity ? 'organizer.dialogEdit' : 'organizer.dialogNew')} saveDisabled={busy || !title.trim() || !date || kind === ''} onSubmit={() => void handleSubmit()} onClose={props.onClose}>
      <Field label={t('common.title')} required>
        <Input value={title} onChange={(_, d) => setTitle(d.value)} />
      </Field>
      <Field label={t('common.kind')} required>
        <Select value={kind} onChange={(_, d) => setKind(activityKinds.find((k) => k === d.value) ?? '')}>
          {kind === '' && <option value="">{t('organizer.activityChooseKind')}</option>}
          {activityKinds.map((k) => <option key={k} value={k}>{t(`vocab.activityKind.${k}`)}</option>)}
        </Select>
      </Field>
      <Field label={t('common.date')} required>
        <Input type="date" value={date} onChange={(_, d) => setDate(d.value)} />
      </Field>
      <Field label={t('common.description')}>
        <Textarea value={description} onChange={(_, d) => setDescription(d.value)} />
      </Field>
      <Field label={t('organizer.activityRemind')}>
        <Input type="number" min={0} max={90} value={remind} onChange={(_, d) => setRemind(d.value)} />
      </Field>
      {error !== null && <ProblemBar error={error} />}
    </FormDialog>
  );
}

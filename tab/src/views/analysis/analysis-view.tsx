import {
  Badge, Button, Checkbox, Field, MessageBar, MessageBarBody, Select, Text, Textarea,
  makeStyles, tokens, useId,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { AnalysisQuestion } from '../../../../src/domain/choices';
import type { Action, Analysis, Feedback, Goal, Indicator, Me, Measurement, Unit } from '../../../../src/contract';
import { canEditUnit } from '../../auth/permissions';
import { useSession } from '../../auth/session';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ConflictPanel } from '../../components/conflict-panel';
import { fieldError } from '../../components/field-error';
import { ReadOnlyField } from '../../components/read-only-field';
import { ProblemBar } from '../../components/problem-bar';
import { StatusScreen } from '../../components/status-screen';
import { useConflictSave } from '../../hooks/use-conflict-save';
import type { ConflictWrite } from '../../hooks/use-conflict-save';
import { useLoad } from '../../hooks/use-load';
import { useI18n } from '../../i18n/i18n';
import { previousPeriod } from '../../../../src/domain/period';
import { schoolYearOf } from '../../util/dates';
import { analysisChanges, draftFromAnalysis, emptyDraft, fieldsFromDraft, freePeriodsOf } from './analysis-draft';
import { PreviousActions } from './previous-actions';
import type { AnalysisDraft } from './analysis-draft';
import { AnalysisSupportPanel } from './analysis-support';
import { FollowUpAnswers } from './follow-up-answers';
import { ParticipantsEditor } from './participants-editor';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '880px' },
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: tokens.spacingHorizontalM },
  pick: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM },
  checks: { display: 'flex', flexDirection: 'column' },
  feedback: { whiteSpace: 'pre-wrap' },
  evaluation: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))', gap: tokens.spacingHorizontalL },
});

interface AnalysisData {
  me: Me;
  unit: Unit;
  analyses: readonly Analysis[];
  measurements: readonly Measurement[];
  indicators: readonly Indicator[];
  goals: readonly Goal[];
  feedback: readonly Feedback[];
  /** the unit's actions: last period's show beside "Hur blev det?" */
  actions: readonly Action[];
  /** the school year before's analyses: the autumn's "Hur blev det?" looks back at the spring before it */
  yearBefore: readonly Analysis[];
}

/** The questions the unit's analysis answers in order; Hur blev det? follows, beside last period's actions. */
const questions = ['followUp', 'causes', 'direction', 'approach'] as const satisfies readonly AnalysisQuestion[];

/** Analys: the guided analysis per period; save a draft, submit to the organizer, read the feedback. */
export default function AnalysisView({ unitId }: { unitId: string }) {
  const { t } = useI18n();
  const { api } = useSession();
  const schoolYear = schoolYearOf();
  const [state, reload] = useLoad<AnalysisData>(async () => {
    const [me, unit, analyses, measurements, indicators, goals, feedback, actions, yearBefore] = await Promise.all([
      api.me(), api.unit(unitId), api.analyses(unitId, schoolYear), api.measurements(unitId, { schoolYear }), api.indicators(), api.goals(unitId), api.feedback(unitId), api.actions(unitId),
      api.analyses(unitId, previousPeriod(schoolYear)),
    ]);
    return {
      me, unit, analyses: analyses.items, measurements: measurements.items, indicators: indicators.items, goals: goals.items.filter((g) => g.schoolYear === schoolYear),
      feedback: feedback.items, actions: actions.items, yearBefore: yearBefore.items,
    };
  }, unitId);
  if (state.status === 'loading') return <StatusScreen as="div" busy message={t('common.loading')} />;
  if (state.status === 'error') return <ProblemBar error={state.error} />;
  return <AnalysisEditor unitId={unitId} schoolYear={schoolYear} data={state.data} onChanged={reload} />;
}

function AnalysisEditor({ unitId, schoolYear, data, onChanged }: { unitId: string; schoolYear: string; data: AnalysisData; onChanged: () => void }) {
  const styles = useStyles();
  const { t, format } = useI18n();
  const { api } = useSession();
  const pickId = useId('analysis');
  // The period picker lists what the server had plus what was saved here since.
  const [analyses, setAnalyses] = useState<readonly Analysis[]>(data.analyses);
  const remember = (analysis: Analysis) =>
    setAnalyses((list) => (list.some((a) => a.id === analysis.id) ? list.map((a) => (a.id === analysis.id ? analysis : a)) : [...list, analysis]));
  const form = useConflictSave<Analysis, AnalysisDraft>({
    initial: data.analyses[0],
    // a new analysis takes a period the unit has none for yet
    draftOf: (analysis) => (analysis ? draftFromAnalysis(analysis) : emptyDraft(freePeriodsOf(schoolYear, analyses)[0] ?? schoolYear)),
    isVersion: isAnalysis,
  });
  const { draft, error, conflict, busy, base: current } = form;
  const [notice, setNotice] = useState<string | null>(null);
  // submitting cannot be taken back: the user confirms it first
  const [confirmingSubmit, setConfirmingSubmit] = useState(false);
  const mayEdit = canEditUnit(data.me, unitId);
  const readOnly = !mayEdit || (current !== undefined && current.status !== 'draft');
  const set = <K extends keyof AnalysisDraft>(key: K, value: AnalysisDraft[K]) => form.change((d) => ({ ...d, [key]: value }));
  const indicatorName = (id: string) => data.indicators.find((i) => i.id === id)?.name ?? id;
  const feedback = current ? data.feedback.filter((f) => f.analysisId === current.id) : [];

  /** Saves the draft: a new analysis, or only what the user changed since `editedFrom`. */
  const saveDraft = async (edited: AnalysisDraft, base: Analysis | undefined, editedFrom: Analysis | undefined): Promise<Analysis> => {
    const saved = base
      ? await saveChanges(base, analysisChanges(editedFrom ?? base, edited))
      : await api.createAnalysis(unitId, { schoolYear, period: edited.period, ...fieldsFromDraft(edited) });
    remember(saved);
    return saved;
  };
  const saveChanges = (base: Analysis, changes: ReturnType<typeof analysisChanges>) => (Object.keys(changes).length === 0 ? Promise.resolve(base) : api.updateAnalysis(base, changes));
  const save: ConflictWrite<Analysis, AnalysisDraft> = async (edited, base, editedFrom) => {
    const saved = await saveDraft(edited, base, editedFrom);
    setNotice(t('common.saved'));
    return saved;
  };
  const submit: ConflictWrite<Analysis, AnalysisDraft> = async (edited, base, editedFrom) => {
    const saved = await saveDraft(edited, base, editedFrom);
    form.settle(saved);
    const submitted = await api.submitAnalysis(saved);
    remember(submitted);
    setNotice(t('channel.submitted'));
    onChanged();
    return submitted;
  };

  const handleSave = (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    void form.save(save);
  };
  const handleSubmit = () => {
    setConfirmingSubmit(false);
    setNotice(null);
    void form.save(submit);
  };
  const handlePick = (id: string) => {
    form.load(analyses.find((a) => a.id === id));
    setNotice(null);
  };
  const handleUseTheirs = () => {
    const theirs = form.takeTheirs();
    if (theirs) remember(theirs);
  };
  const handleKeepMine = () => {
    setNotice(null);
    void form.keepMine();
  };
  const toggle = (key: 'measurementIds' | 'goalIds', id: string, on: boolean) =>
    set(key, on ? [...draft[key], id] : draft[key].filter((x) => x !== id));
  const linkedIndicators = [...new Set(data.measurements.filter((m) => draft.measurementIds.includes(m.id)).map((m) => m.indicatorId))];
  /** A question from the support becomes a heading to answer in the analysis of causes. */
  const ask = (question: string) => set('causes', draft.causes.trim() ? `${draft.causes.trimEnd()}\n\n${question}\n` : `${question}\n`);

  return (
    <form className={styles.root} onSubmit={handleSave} data-testid="analysis" aria-labelledby="analysis-heading">
      <div className={styles.bar}>
        <Text as="h2" id="analysis-heading" size={500} weight="semibold">{t('common.analysisOf', { period: draft.period })}</Text>
        {current && <Badge appearance="tint" color={current.status === 'draft' ? 'warning' : 'success'}>{t(`vocab.analysisStatus.${current.status}`)}</Badge>}
      </div>
      <div className={styles.bar}>
        {analyses.length > 0 && (
          <div className={styles.pick}>
            <label htmlFor={pickId}>{t('common.period')}</label>
            <Select id={pickId} value={current?.id ?? ''} onChange={(_, d) => handlePick(d.value)}>
              {analyses.map((a) => <option key={a.id} value={a.id}>{a.period} · {t(`vocab.analysisStatus.${a.status}`)}</option>)}
              <option value="">{t('channel.analysisNew')}</option>
            </Select>
          </div>
        )}
        {!current && mayEdit && (
          <Field label={t('channel.analysisNewPeriod')} {...fieldError(error, 'period')}>
            <Select value={draft.period} onChange={(_, d) => set('period', d.value)}>
              {freePeriodsOf(schoolYear, analyses).map((p) => <option key={p} value={p}>{p}</option>)}
            </Select>
          </Field>
        )}
      </div>
      {readOnly && <MessageBar intent="info"><MessageBarBody>{mayEdit ? t('channel.readOnlyAnalysis') : t('channel.analysisByPrincipal')}</MessageBarBody></MessageBar>}
      {conflict && (
        <ConflictPanel
          rows={[
            ...questions.map((q) => ({ label: t(`vocab.question.${q}`), theirs: conflict[q] ?? '', mine: draft[q] })),
            { label: t('vocab.term.strengths'), theirs: conflict.strengths.join('\n'), mine: draft.strengths },
            { label: t('vocab.term.areasToDevelop'), theirs: conflict.areasToDevelop.join('\n'), mine: draft.areasToDevelop },
          ]}
          onUseTheirs={handleUseTheirs}
          onKeepMine={handleKeepMine}
        />
      )}
      {error !== null && <ProblemBar error={error} />}
      {notice && <MessageBar intent="success" role="status"><MessageBarBody>{notice}</MessageBarBody></MessageBar>}
      {/* strengths first, the kvalitetsdialog's way: lift what works before what to develop */}
      {readOnly ? <ReadOnlyField label={t('vocab.term.strengths')} value={draft.strengths} list /> : (
        <Field label={t('vocab.term.strengths')} hint={t('channel.onePerLine')} {...fieldError(error, 'strengths')}>
          <Textarea value={draft.strengths} resize="vertical" onChange={(_, d) => set('strengths', d.value)} />
        </Field>
      )}
      {readOnly ? <ReadOnlyField label={t('vocab.term.areasToDevelop')} value={draft.areasToDevelop} list /> : (
        <Field label={t('vocab.term.areasToDevelop')} hint={t('channel.onePerLine')} {...fieldError(error, 'areasToDevelop')}>
          <Textarea value={draft.areasToDevelop} resize="vertical" onChange={(_, d) => set('areasToDevelop', d.value)} />
        </Field>
      )}
      {questions.map((q) => readOnly ? <ReadOnlyField key={q} label={t(`vocab.question.${q}`)} value={draft[q]} /> : (
        <Field key={q} label={t(`vocab.question.${q}`)} {...fieldError(error, q)}>
          <Textarea value={draft[q]} resize="vertical" rows={4} onChange={(_, d) => set(q, d.value)} />
        </Field>
      ))}
      <FollowUpAnswers unitId={unitId} schoolYear={schoolYear} />
      <div className={styles.evaluation}>
        {readOnly ? <ReadOnlyField label={t('vocab.question.evaluation')} value={draft.evaluation} /> : (
          <Field label={t('vocab.question.evaluation')} hint={t('channel.analysisEvaluationHint')} {...fieldError(error, 'evaluation')}>
            <Textarea value={draft.evaluation} resize="vertical" rows={4} onChange={(_, d) => set('evaluation', d.value)} />
          </Field>
        )}
        <PreviousActions actions={data.actions} analyses={[...data.yearBefore, ...analyses]} period={draft.period} />
      </div>
      {readOnly ? (
        <>
          <ReadOnlyField label={t('channel.linkedResults')} list
            value={data.measurements.filter((m) => draft.measurementIds.includes(m.id)).map((m) => `${indicatorName(m.indicatorId)}, ${m.period}: ${format.number(m.value)}`).join('\n')} />
          <ReadOnlyField label={t('common.goal')} list value={data.goals.filter((g) => draft.goalIds.includes(g.id)).map((g) => g.title).join('\n')} />
        </>
      ) : data.measurements.length > 0 && (
        <fieldset className={styles.checks}>
          <legend><Text weight="semibold">{t('channel.linkedResults')}</Text></legend>
          {data.measurements.map((m) => (
            <Checkbox key={m.id} checked={draft.measurementIds.includes(m.id)} onChange={(_, d) => toggle('measurementIds', m.id, d.checked === true)}
              label={`${indicatorName(m.indicatorId)}, ${m.period}: ${format.number(m.value)}`} />
          ))}
        </fieldset>
      )}
      <AnalysisSupportPanel unitId={unitId} unitType={data.unit.type} period={draft.period} indicatorIds={linkedIndicators} causes={draft.causes} {...(readOnly ? {} : { onAsk: ask })} />
      {!readOnly && data.goals.length > 0 && (
        <fieldset className={styles.checks}>
          <legend><Text weight="semibold">{t('common.goal')}</Text></legend>
          {data.goals.map((g) => (
            <Checkbox key={g.id} checked={draft.goalIds.includes(g.id)} onChange={(_, d) => toggle('goalIds', g.id, d.checked === true)} label={g.title} />
          ))}
        </fieldset>
      )}
      <ParticipantsEditor rows={draft.participants} readOnly={readOnly} onChange={(rows) => set('participants', rows)} />
      {!readOnly && (
        <div className={styles.actions}>
          <Button type="submit" disabled={busy}>{t('channel.saveDraft')}</Button>
          <Button appearance="primary" disabled={busy} onClick={() => setConfirmingSubmit(true)}>{t('channel.submit')}</Button>
          <ConfirmDialog
            open={confirmingSubmit}
            title={t('channel.submitConfirmTitle')}
            message={t('channel.submitConfirmText')}
            confirm={t('channel.submitConfirm')}
            onConfirm={handleSubmit}
            onCancel={() => setConfirmingSubmit(false)}
          />
        </div>
      )}
      {feedback.length > 0 && (
        <section aria-labelledby="feedback-heading">
          <Text as="h3" id="feedback-heading" size={400} weight="semibold">{t('common.feedback')}</Text>
          {feedback.map((f) => (
            <div key={f.id}>
              <Text block className={styles.feedback}>{f.text}</Text>
              <Text size={200}>{format.date(f.givenAt)}</Text>
            </div>
          ))}
        </section>
      )}
    </form>
  );
}

function isAnalysis(value: unknown): value is Analysis {
  return Boolean(value && typeof value === 'object' && 'id' in value && 'etag' in value && 'period' in value);
}

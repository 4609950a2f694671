import {
  Badge, Button, Checkbox, Field, MessageBar, MessageBarBody, Select, Text, Textarea,
  makeStyles, tokens, useId,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { ProblemError } from '../../api/problem-error';
import type { AnalysisQuestion } from '../../../../src/domain/choices';
import type { Analysis, Feedback, Goal, Indicator, Me, Measurement } from '../../api/types';
import { canEditUnit } from '../../auth/permissions';
import { useSession } from '../../auth/session';
import { ConflictPanel } from '../../components/conflict-panel';
import { ProblemBar } from '../../components/problem-bar';
import { StatusScreen } from '../../components/status-screen';
import { useLoad } from '../../hooks/use-load';
import { useI18n } from '../../i18n/i18n';
import { schoolYearOf } from '../../util/dates';
import { analysisChanges, draftFromAnalysis, emptyDraft, fieldsFromDraft, periodsOf } from './analysis-draft';
import type { AnalysisDraft } from './analysis-draft';
import { FollowUpAnswers } from './follow-up-answers';
import { ParticipantsEditor } from './participants-editor';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '880px' },
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: tokens.spacingHorizontalM },
  pick: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM },
  checks: { display: 'flex', flexDirection: 'column' },
  feedback: { whiteSpace: 'pre-wrap' },
});

interface AnalysisData {
  me: Me;
  analyses: Analysis[];
  measurements: Measurement[];
  indicators: Indicator[];
  goals: Goal[];
  feedback: Feedback[];
}

/** The questions the unit's analysis answers here; Hur blev det? is each action's evaluation. */
const questions = ['followUp', 'causes', 'direction', 'approach'] as const satisfies readonly AnalysisQuestion[];

/** Analys: the guided analysis per period; save a draft, submit to the organizer, read the feedback. */
export default function AnalysisView({ unitId }: { unitId: string }) {
  const { t } = useI18n();
  const { api } = useSession();
  const schoolYear = schoolYearOf();
  const [state, reload] = useLoad<AnalysisData>(async () => {
    const [me, analyses, measurements, indicators, goals, feedback] = await Promise.all([
      api.me(), api.analyses(unitId, schoolYear), api.measurements(unitId, { schoolYear }), api.indicators(), api.goals(unitId), api.feedback(unitId),
    ]);
    return { me, analyses: analyses.items, measurements: measurements.items, indicators: indicators.items, goals: goals.items.filter((g) => g.schoolYear === schoolYear), feedback: feedback.items };
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
  const [analyses, setAnalyses] = useState<Analysis[]>(data.analyses);
  const [current, setCurrentState] = useState<Analysis | undefined>(data.analyses[0]);
  const setCurrent = (analysis: Analysis | undefined) => {
    setCurrentState(analysis);
    if (analysis) setAnalyses((list) => (list.some((a) => a.id === analysis.id) ? list.map((a) => (a.id === analysis.id ? analysis : a)) : [...list, analysis]));
  };
  // The version the user's edits started from: after a conflict only their own changes are sent.
  const [editedFrom, setEditedFrom] = useState<Analysis | undefined>(data.analyses[0]);
  const [draft, setDraft] = useState<AnalysisDraft>(() => (data.analyses[0] ? draftFromAnalysis(data.analyses[0]) : emptyDraft(schoolYear)));
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<Analysis | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const mayEdit = canEditUnit(data.me, unitId);
  const readOnly = !mayEdit || (current !== undefined && current.status !== 'draft');
  const field = error instanceof ProblemError ? error.field : undefined;
  const invalid = (name: string) => (field === name ? { validationState: 'error' as const, validationMessage: (error as ProblemError).fieldMessage } : {});
  const set = <K extends keyof AnalysisDraft>(key: K, value: AnalysisDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const indicatorName = (id: string) => data.indicators.find((i) => i.id === id)?.name ?? id;
  const feedback = current ? data.feedback.filter((f) => f.analysisId === current.id) : [];

  const saveDraft = async (base: Analysis | undefined): Promise<Analysis> => {
    if (!base) return api.createAnalysis(unitId, { schoolYear, period: draft.period, ...fieldsFromDraft(draft) });
    const changes = analysisChanges(editedFrom ?? base, draft);
    return Object.keys(changes).length === 0 ? base : api.updateAnalysis(base, changes);
  };

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await work();
    } catch (caught) {
      if (caught instanceof ProblemError && caught.isConflict && isAnalysis(caught.current)) setConflict(caught.current);
      else setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const handleSave = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const saved = await saveDraft(current);
      setCurrent(saved);
      setEditedFrom(saved);
      setNotice(t('common.saved'));
    });
  };
  const handleSubmit = () => {
    void run(async () => {
      const saved = await saveDraft(current);
      setCurrent(saved);
      setEditedFrom(saved);
      const submitted = await api.submitAnalysis(saved);
      setCurrent(submitted);
      setEditedFrom(submitted);
      setNotice(t('channel.submitted'));
      onChanged();
    });
  };
  const handlePick = (id: string) => {
    const picked = analyses.find((a) => a.id === id);
    setCurrent(picked);
    setEditedFrom(picked);
    setDraft(picked ? draftFromAnalysis(picked) : emptyDraft(schoolYear));
    setError(null);
    setNotice(null);
  };
  const handleUseTheirs = () => {
    if (!conflict) return;
    setCurrent(conflict);
    setEditedFrom(conflict);
    setDraft(draftFromAnalysis(conflict));
    setConflict(null);
  };
  const handleKeepMine = () => {
    if (!conflict) return;
    const base = conflict;
    setConflict(null);
    void run(async () => {
      setCurrent(base);
      const saved = await saveDraft(base);
      setCurrent(saved);
      setEditedFrom(saved);
      setNotice(t('common.saved'));
    });
  };
  const toggle = (key: 'measurementIds' | 'goalIds', id: string, on: boolean) =>
    set(key, on ? [...draft[key], id] : draft[key].filter((x) => x !== id));

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
          <Field label={t('channel.analysisNewPeriod')} {...invalid('period')}>
            <Select value={draft.period} onChange={(_, d) => set('period', d.value)}>
              {periodsOf(schoolYear).map((p) => <option key={p} value={p}>{p}</option>)}
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
      {questions.map((q) => (
        <Field key={q} label={t(`vocab.question.${q}`)} {...invalid(q)}>
          <Textarea value={draft[q]} readOnly={readOnly} resize="vertical" rows={4} onChange={(_, d) => set(q, d.value)} />
        </Field>
      ))}
      <FollowUpAnswers unitId={unitId} schoolYear={schoolYear} />
      <Field label={t('vocab.term.strengths')} hint={t('channel.onePerLine')} {...invalid('strengths')}>
        <Textarea value={draft.strengths} readOnly={readOnly} resize="vertical" onChange={(_, d) => set('strengths', d.value)} />
      </Field>
      <Field label={t('vocab.term.areasToDevelop')} hint={t('channel.onePerLine')} {...invalid('areasToDevelop')}>
        <Textarea value={draft.areasToDevelop} readOnly={readOnly} resize="vertical" onChange={(_, d) => set('areasToDevelop', d.value)} />
      </Field>
      {data.measurements.length > 0 && (
        <fieldset className={styles.checks}>
          <legend><Text weight="semibold">{t('channel.linkedResults')}</Text></legend>
          {data.measurements.map((m) => (
            <Checkbox key={m.id} disabled={readOnly} checked={draft.measurementIds.includes(m.id)} onChange={(_, d) => toggle('measurementIds', m.id, d.checked === true)}
              label={`${indicatorName(m.indicatorId)}, ${m.period}: ${format.number(m.value)}`} />
          ))}
        </fieldset>
      )}
      {data.goals.length > 0 && (
        <fieldset className={styles.checks}>
          <legend><Text weight="semibold">{t('common.goal')}</Text></legend>
          {data.goals.map((g) => (
            <Checkbox key={g.id} disabled={readOnly} checked={draft.goalIds.includes(g.id)} onChange={(_, d) => toggle('goalIds', g.id, d.checked === true)} label={g.title} />
          ))}
        </fieldset>
      )}
      <ParticipantsEditor rows={draft.participants} readOnly={readOnly} onChange={(rows) => set('participants', rows)} />
      {!readOnly && (
        <div className={styles.actions}>
          <Button type="submit" disabled={busy}>{t('channel.saveDraft')}</Button>
          <Button appearance="primary" disabled={busy} onClick={handleSubmit}>{t('channel.submit')}</Button>
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

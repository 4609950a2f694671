import {
  Button, Card, Field, MessageBar, MessageBarBody, Select, Text, Textarea, makeStyles, tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { ProblemBar } from '../../components/problem-bar';
import { StatusScreen } from '../../components/status-screen';
import { useLoad } from '../../hooks/use-load';
import { feedbackStateKey } from '../rollup/unit-states';
import { useOrganizer } from '../organizer-context';
import { useI18n } from '../../i18n/i18n';
import type { Analysis, Feedback, RollupUnit } from '../../../../src/contract';
import { AnalysisReading } from './analysis-reading';
import { analysisToAnswer } from './pick-analysis';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '880px' },
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  text: { whiteSpace: 'pre-wrap' },
  entry: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  // a long unit name with its state is cut short in the closed list rather than widening the page
  select: { minWidth: 0 },
});

function UnitFeedback({ unit, onSent }: { unit: RollupUnit; onSent: () => void }) {
  const styles = useStyles();
  const { t, format } = useI18n();
  const { api, schoolYear } = useOrganizer();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState(false);
  const [state, reload] = useLoad<{ analysis?: Analysis; feedback: Feedback[] }>(async () => {
    const [analyses, feedback] = await Promise.all([api.analyses(unit.unitId, schoolYear), api.feedback(unit.unitId)]);
    const analysis = analysisToAnswer(analyses.items, schoolYear);
    return { ...(analysis ? { analysis } : {}), feedback: feedback.items.filter((f) => f.schoolYear === schoolYear) };
  }, `${unit.unitId}|${schoolYear}`);

  if (state.status === 'loading') return <StatusScreen busy message={unit.name} />;
  if (state.status === 'error') return <ProblemBar error={state.error} />;
  const { analysis, feedback } = state.data;

  const handleSend = async () => {
    if (!analysis || !text.trim()) return;
    setBusy(true);
    setError(null);
    try {
      await api.giveFeedback(unit.unitId, analysis.id, text.trim());
      setText('');
      setSent(true);
      reload();
      onSent();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.root}>
      <Text>{`${unit.name}: ${t(feedbackStateKey[unit.feedback])}`}</Text>
      {!analysis ? <Text role="status">{t('organizer.feedbackNoAnalysis')}</Text> : (
        <Card className={styles.card}>
          <AnalysisReading analysis={analysis} />
        </Card>
      )}
      {feedback.length > 0 && (
        <section aria-labelledby="feedback-earlier" className={styles.card}>
          <Text as="h3" id="feedback-earlier" size={400} weight="semibold">{t('organizer.feedbackEarlier')}</Text>
          <ul className={styles.list}>
            {feedback.map((f) => (
              <li key={f.id} className={styles.entry}>
                <Text as="p" className={styles.text}>{f.text}</Text>
                <Text size={200}>{`${t('organizer.givenOn', { date: format.date(f.givenAt) })} · ${f.readAt ? t('organizer.feedbackReadOn', { date: format.date(f.readAt) }) : t('organizer.feedbackNotRead')}`}</Text>
              </li>
            ))}
          </ul>
        </section>
      )}
      {analysis && (
        <form onSubmit={(event) => { event.preventDefault(); void handleSend(); }} className={styles.card}>
          <Field label={t('common.feedback')} hint={t('organizer.feedbackHint')} required>
            <Textarea value={text} onChange={(_, data) => { setText(data.value); setSent(false); }} resize="vertical" rows={6} />
          </Field>
          {error !== null && <ProblemBar error={error} />}
          {sent && <MessageBar intent="success" role="status"><MessageBarBody>{t('organizer.feedbackSent', { unit: unit.name })}</MessageBarBody></MessageBar>}
          <div><Button appearance="primary" type="submit" disabled={busy || !text.trim()}>{t('organizer.feedbackSend')}</Button></div>
        </form>
      )}
    </div>
  );
}

/** Återkoppling: read a unit's submitted analysis and answer it; units waiting come first. */
export default function FeedbackView({ initialUnitId }: { initialUnitId?: string }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { api, schoolYear } = useOrganizer();
  const [rollup, reloadRollup] = useLoad(() => api.rollup(schoolYear), schoolYear);
  const [chosen, setChosen] = useState<string | undefined>(initialUnitId);
  if (rollup.status === 'loading') return <StatusScreen busy message={t('common.feedback')} />;
  if (rollup.status === 'error') return <ProblemBar error={rollup.error} />;
  const order = { waiting: 0, unread: 1, read: 2, noSubmission: 3 } as const;
  const units = [...rollup.data.units].sort((a, b) => order[a.feedback] - order[b.feedback] || a.name.localeCompare(b.name, 'sv'));
  const unit = units.find((u) => u.unitId === chosen) ?? units[0];
  return (
    <div className={styles.root} data-testid="feedback-view">
      <Text as="h2" size={500} weight="semibold">{t('organizer.feedbackTitle')}</Text>
      <Text>{t('organizer.feedbackIntro')}</Text>
      <Field label={t('organizer.feedbackChooseUnit')}>
        <Select className={styles.select} value={unit?.unitId ?? ''} onChange={(_, data) => setChosen(data.value)}>
          {units.map((u) => <option key={u.unitId} value={u.unitId}>{`${u.name} (${t(feedbackStateKey[u.feedback])})`}</option>)}
        </Select>
      </Field>
      {unit && <UnitFeedback key={unit.unitId} unit={unit} onSent={reloadRollup} />}
      {rollup.data.awaitingFeedback.length === 0 && <MessageBar intent="success"><MessageBarBody>{t('organizer.noneWaiting')}</MessageBarBody></MessageBar>}
    </div>
  );
}

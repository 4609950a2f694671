import {
  Button, Card, Field, Input, MessageBar, MessageBarBody, Select, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { ProblemBar } from '../../components/problem-bar';
import { StatusScreen } from '../../components/status-screen';
import { useLoad } from '../../hooks/use-load';
import { meetingTypes } from '../../../../src/domain/choices';
import { useOrganizer } from '../organizer-context';
import { useI18n } from '../../i18n/i18n';
import type { FollowUpTemplate } from '../../../../src/contract';
import type { MeetingType, Question } from '../../../../src/domain';
import { latestVersions, newQuestionId } from './question-ids';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '880px' },
  list: { margin: 0, paddingLeft: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  question: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))', gap: tokens.spacingHorizontalM, alignItems: 'end' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM },
});

function Editor({ meetingType, latest, onSaved }: { meetingType: MeetingType; latest?: FollowUpTemplate; onSaved: (saved: FollowUpTemplate) => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { api, canEdit } = useOrganizer();
  const [questions, setQuestions] = useState<Question[]>(latest?.questions ?? []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const change = (index: number, patch: Partial<Question>) => {
    setQuestions((all) => all.map((q, i) => (i === index ? { ...q, ...patch } : q)));
  };
  const handleAdd = () => setQuestions((all) => [...all, { id: newQuestionId(all.map((q) => q.id)), sv: '', en: '', kind: 'text' }]);
  const handleRemove = (index: number) => setQuestions((all) => all.filter((_, i) => i !== index));
  const handleSave = async () => {
    setBusy(true);
    setError(null);
    try {
      const template = await api.saveTemplate(meetingType, questions.map((q) => ({ ...q, sv: q.sv.trim(), en: q.en.trim() })));
      onSaved(template);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const complete = questions.length > 0 && questions.every((q) => q.sv.trim() && q.en.trim());
  return (
    <form className={styles.root} onSubmit={(event) => { event.preventDefault(); void handleSave(); }}>
      <Text role="status">{latest ? t('organizer.templateVersion', { version: latest.version }) : t('organizer.templateNone')}</Text>
      <ol className={styles.list}>
        {questions.map((q, index) => {
          const n = index + 1;
          return (
            <li key={q.id}>
              <Card>
                <Text weight="semibold">{t('organizer.templateQuestion', { n })}</Text>
                <div className={styles.question}>
                  <Field label={t('organizer.templateQuestionSv', { n })} required>
                    <Input value={q.sv} readOnly={!canEdit} onChange={(_, d) => change(index, { sv: d.value })} />
                  </Field>
                  <Field label={t('organizer.templateQuestionEn', { n })} required>
                    <Input value={q.en} readOnly={!canEdit} onChange={(_, d) => change(index, { en: d.value })} />
                  </Field>
                  <Field label={t('organizer.templateKind', { n })}>
                    <Select value={q.kind} disabled={!canEdit} onChange={(_, d) => change(index, { kind: d.value === 'scale' ? 'scale' : 'text' })}>
                      <option value="text">{t('vocab.questionKind.text')}</option>
                      <option value="scale">{t('vocab.questionKind.scale')}</option>
                    </Select>
                  </Field>
                  {canEdit && <div><Button onClick={() => handleRemove(index)}>{t('organizer.templateRemove', { n })}</Button></div>}
                </div>
              </Card>
            </li>
          );
        })}
      </ol>
      {error !== null && <ProblemBar error={error} />}
      {canEdit && (
        <div className={styles.actions}>
          <Button onClick={handleAdd} disabled={questions.length >= 20}>{t('organizer.templateAdd')}</Button>
          <Button appearance="primary" type="submit" disabled={busy || !complete}>{t('organizer.templateSave')}</Button>
        </div>
      )}
    </form>
  );
}

/** Mallar: each meeting type's follow-up questions; saving makes a new version, old answers keep theirs. */
export default function TemplatesView() {
  const styles = useStyles();
  const { t } = useI18n();
  const { api } = useOrganizer();
  const [meetingType, setMeetingType] = useState<MeetingType>('resultsConference');
  const [state, reload] = useLoad(() => api.templates(), 'templates');
  const [saved, setSaved] = useState<number | null>(null);
  const handleSaved = (template: FollowUpTemplate) => {
    setSaved(template.version);
    reload();
  };
  if (state.status === 'loading') return <StatusScreen busy message={t('organizer.tabTemplates')} />;
  if (state.status === 'error') return <ProblemBar error={state.error} />;
  const latest = latestVersions(state.data.items);
  const current = latest.get(meetingType);
  return (
    <div className={styles.root} data-testid="templates">
      <Text as="h2" size={500} weight="semibold">{t('organizer.templatesTitle')}</Text>
      <Text>{t('organizer.templatesIntro')}</Text>
      <Field label={t('common.meetingType')}>
        <Select value={meetingType} onChange={(_, d) => { setSaved(null); setMeetingType(d.value as MeetingType); }}>
          {meetingTypes.map((type) => <option key={type} value={type}>{t(`vocab.meetingType.${type}`)}</option>)}
        </Select>
      </Field>
      <Editor key={`${meetingType}|${current?.version ?? 0}`} meetingType={meetingType} {...(current ? { latest: current } : {})} onSaved={handleSaved} />
      {saved !== null && <MessageBar intent="success" role="status"><MessageBarBody>{t('organizer.templateSaved', { version: saved })}</MessageBarBody></MessageBar>}
    </div>
  );
}

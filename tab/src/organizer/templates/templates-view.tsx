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

/** A question as edited: the English text may be left empty (readers then get the Swedish). */
type Draft = Omit<Question, 'en'> & { en: string };

const draftOf = (q: Question): Draft => ({ ...q, en: q.en ?? '' });

/** A draft as the template stores it: trimmed, without an empty English text. */
function questionOf(draft: Draft): Question {
  const { en, ...rest } = draft;
  const english = en.trim();
  return { ...rest, sv: rest.sv.trim(), ...(english ? { en: english } : {}) };
}

/** The labels of one list: the after-meeting list keeps the plain words, the before-meeting list says so. */
const listKeys = {
  before: { heading: 'common.questionsBefore', question: 'organizer.templateBeforeQuestion', sv: 'organizer.templateBeforeQuestionSv', en: 'organizer.templateBeforeQuestionEn', kind: undefined, remove: 'organizer.templateBeforeRemove', add: 'organizer.templateBeforeAdd' },
  after: { heading: 'organizer.templateAfterTitle', question: 'organizer.templateQuestion', sv: 'organizer.templateQuestionSv', en: 'organizer.templateQuestionEn', kind: 'organizer.templateKind', remove: 'organizer.templateRemove', add: 'organizer.templateAdd' },
} as const;

function QuestionList(props: { which: keyof typeof listKeys; questions: readonly Draft[]; taken: readonly string[]; onChange: (questions: Draft[]) => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { canEdit } = useOrganizer();
  const keys = listKeys[props.which];
  const headingId = `kh-template-${props.which}`;
  const { questions, onChange } = props;
  const change = (index: number, patch: Partial<Draft>) => onChange(questions.map((q, i) => (i === index ? { ...q, ...patch } : q)));
  const handleAdd = () => onChange([...questions, { id: newQuestionId(props.taken), sv: '', en: '', kind: 'text' }]);
  const handleRemove = (index: number) => onChange(questions.filter((_, i) => i !== index));
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Text as="h3" id={headingId} size={400} weight="semibold">{t(keys.heading)}</Text>
      <ol className={styles.list}>
        {questions.map((q, index) => {
          const n = index + 1;
          return (
            <li key={q.id}>
              <Card>
                <Text weight="semibold">{t(keys.question, { n })}</Text>
                <div className={styles.question}>
                  <Field label={t(keys.sv, { n })} required>
                    <Input value={q.sv} readOnly={!canEdit} onChange={(_, d) => change(index, { sv: d.value })} />
                  </Field>
                  <Field label={t(keys.en, { n })} hint={t('organizer.templateEnglishOptional')}>
                    <Input value={q.en} readOnly={!canEdit} onChange={(_, d) => change(index, { en: d.value })} />
                  </Field>
                  {keys.kind !== undefined && (
                    // only the questions after the meeting are answered, in text or on the scale
                    <Field label={t(keys.kind, { n })}>
                      <Select value={q.kind} disabled={!canEdit} onChange={(_, d) => change(index, { kind: d.value === 'scale' ? 'scale' : 'text' })}>
                        <option value="text">{t('vocab.questionKind.text')}</option>
                        <option value="scale">{t('vocab.questionKind.scale')}</option>
                      </Select>
                    </Field>
                  )}
                  {canEdit && <div><Button onClick={() => handleRemove(index)}>{t(keys.remove, { n })}</Button></div>}
                </div>
              </Card>
            </li>
          );
        })}
      </ol>
      {canEdit && <div><Button onClick={handleAdd} disabled={questions.length >= 20}>{t(keys.add)}</Button></div>}
    </section>
  );
}

function Editor({ meetingType, latest, onSaved }: { meetingType: MeetingType; latest?: FollowUpTemplate; onSaved: (saved: FollowUpTemplate) => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { api, canEdit } = useOrganizer();
  const [before, setBefore] = useState<Draft[]>((latest?.beforeQuestions ?? []).map(draftOf));
  const [after, setAfter] = useState<Draft[]>((latest?.questions ?? []).map(draftOf));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const taken = [...before, ...after].map((q) => q.id);
  const handleSave = async () => {
    setBusy(true);
    setError(null);
    try {
      onSaved(await api.saveTemplate(meetingType, { beforeQuestions: before.map(questionOf), questions: after.map(questionOf) }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const complete = after.length > 0 && [...before, ...after].every((q) => q.sv.trim());
  return (
    <form className={styles.root} onSubmit={(event) => { event.preventDefault(); void handleSave(); }}>
      <Text role="status">{latest ? t('organizer.templateVersion', { version: latest.version }) : t('organizer.templateNone')}</Text>
      <QuestionList which="before" questions={before} taken={taken} onChange={setBefore} />
      <QuestionList which="after" questions={after} taken={taken} onChange={setAfter} />
      {error !== null && <ProblemBar error={error} />}
      {canEdit && (
        <div className={styles.actions}>
          <Button appearance="primary" type="submit" disabled={busy || !complete}>{t('organizer.templateSave')}</Button>
        </div>
      )}
    </form>
  );
}

/** Mallar: each meeting type's questions before and after the meeting; saving makes a new version, old answers keep theirs. */
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

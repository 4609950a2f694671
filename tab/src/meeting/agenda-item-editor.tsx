import {
  Button, Field, Input, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Text, Textarea, makeStyles, tokens,
} from '@fluentui/react-components';
import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { ProblemError } from '../api/problem-error';
import { ProblemBar } from '../components/problem-bar';
import type { LiveAgendaItem, MeetingApi } from './meeting-api';
import { useI18n } from '../i18n/i18n';

const useStyles = makeStyles({
  item: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  decisions: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
  grow: { flexGrow: 1, minWidth: 0 },
  pre: { whiteSpace: 'pre-wrap' },
});

/**
 * One agenda item: its notes (saved with the item's version, so a concurrent edit of the same
 * item is shown instead of overwritten) and its decisions (added one by one, never lost).
 */
export function AgendaItemEditor(props: { meetingId: string; item: LiveAgendaItem; api: MeetingApi; canRecord: boolean; onSaved: () => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const headingId = useId();
  const { item } = props;
  // `base` is the version the draft started from: a live update does not move it while editing.
  const [draft, setDraft] = useState(item.notes ?? '');
  const [base, setBase] = useState(item.version);
  const [dirty, setDirty] = useState(false);
  const [conflict, setConflict] = useState<LiveAgendaItem | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [decision, setDecision] = useState('');
  // A blur and a click on Save come together: one save at a time.
  const saving = useRef(false);

  useEffect(() => {
    if (dirty || busy) return;
    setDraft(item.notes ?? '');
    setBase(item.version);
  }, [item.version, item.notes, dirty, busy]);

  const saveNotes = async (against: string) => {
    if (saving.current) return;
    saving.current = true;
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const next = await props.api.changeAgendaItem(props.meetingId, { id: item.id, version: against }, { notes: draft });
      setBase(next.version);
      setDirty(false);
      setConflict(null);
      setSaved(true);
      props.onSaved();
    } catch (caught) {
      if (caught instanceof ProblemError && caught.isConflict && isAgendaItem(caught.current)) setConflict(caught.current);
      else setError(caught);
    } finally {
      saving.current = false;
      setBusy(false);
    }
  };

  const handleNotesSubmit = (event: FormEvent) => {
    event.preventDefault();
    void saveNotes(base);
  };
  const handleUseTheirs = () => {
    if (!conflict) return;
    setDraft(conflict.notes ?? '');
    setBase(conflict.version);
    setDirty(false);
    setConflict(null);
  };
  const handleKeepMine = () => {
    if (!conflict) return;
    void saveNotes(conflict.version);
  };
  const handleDecisionSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!decision.trim()) return;
    setError(null);
    try {
      await props.api.addDecision(props.meetingId, item.id, decision.trim());
      setDecision('');
      props.onSaved();
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <section className={styles.item} aria-labelledby={headingId} data-testid={`agenda-${item.id}`}>
      <Text as="h3" id={headingId} weight="semibold" size={400}>{item.title}</Text>
      {error !== null && <ProblemBar error={error} />}
      {conflict && (
        <MessageBar intent="warning" layout="multiline" role="alert" data-testid="agenda-conflict">
          <MessageBarBody>
            <MessageBarTitle>{t('meeting.agendaConflictTitle')}</MessageBarTitle>
            <Text block>{t('meeting.agendaConflictIntro')}</Text>
            <Text block className={styles.pre}>{conflict.notes ?? ''}</Text>
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={handleUseTheirs}>{t('meeting.agendaUseTheirs')}</Button>
            <Button appearance="primary" onClick={handleKeepMine}>{t('meeting.agendaKeepMine')}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {props.canRecord ? (
        <form onSubmit={handleNotesSubmit}>
          <Field label={t('meeting.notesFor', { title: item.title })} hint={busy ? t('common.saving') : saved && !dirty ? t('common.saved') : undefined}>
            <Textarea
              value={draft}
              resize="vertical"
              onChange={(_, data) => {
                setDraft(data.value);
                setDirty(true);
                setSaved(false);
              }}
              onBlur={() => {
                if (dirty && !busy && !conflict) void saveNotes(base);
              }}
            />
          </Field>
          <Button type="submit" size="small" disabled={busy || !dirty}>{t('meeting.saveNotes')}</Button>
        </form>
      ) : (
        item.notes && <Text className={styles.pre}>{item.notes}</Text>
      )}
      <Text weight="semibold">{t('meeting.decisions')}</Text>
      {item.decisions?.length ? (
        <ul className={styles.decisions}>{item.decisions.map((text, index) => <li key={`${index}-${text}`}>{text}</li>)}</ul>
      ) : (
        <Text size={200}>{t('meeting.decisionsEmpty')}</Text>
      )}
      {props.canRecord && (
        <form className={styles.row} onSubmit={(event) => void handleDecisionSubmit(event)}>
          <Field className={styles.grow} label={t('meeting.newDecisionFor', { title: item.title })}>
            <Input value={decision} onChange={(_, data) => setDecision(data.value)} />
          </Field>
          <Button type="submit" size="small">{t('meeting.addDecision')}</Button>
        </form>
      )}
    </section>
  );
}

function isAgendaItem(value: unknown): value is LiveAgendaItem {
  return Boolean(value && typeof value === 'object' && 'id' in value && 'version' in value && 'title' in value);
}

import { Button, Field, Input, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId, useState } from 'react';
import type { FormEvent } from 'react';
import { ConflictPanel } from '../components/conflict-panel';
import { ProblemBar } from '../components/problem-bar';
import { useConflictSave } from '../hooks/use-conflict-save';
import type { ConflictWrite } from '../hooks/use-conflict-save';
import type { LiveAgendaItem } from '../../../src/contract';
import type { MeetingApi } from './meeting-api';
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
  // the notes' base is the version the draft started from: a live update does not move it while editing
  const notes = useConflictSave<LiveAgendaItem, string>({ initial: item, draftOf: (version) => version?.notes ?? '', isVersion: isAgendaItem });
  const { draft, dirty, busy, conflict, load } = notes;
  const [saved, setSaved] = useState(false);
  const [decision, setDecision] = useState('');
  const [decisionError, setDecisionError] = useState<unknown>(null);
  const error = notes.error ?? decisionError;

  useEffect(() => {
    if (!dirty && !busy) load(item);
  }, [item, dirty, busy, load]);

  const writeNotes: ConflictWrite<LiveAgendaItem, string> = async (text, base) => {
    const next = await props.api.changeAgendaItem(props.meetingId, { id: item.id, version: (base ?? item).version }, { notes: text });
    setSaved(true);
    props.onSaved();
    return next;
  };
  const saveNotes = () => {
    setSaved(false);
    void notes.save(writeNotes);
  };
  const handleNotesSubmit = (event: FormEvent) => {
    event.preventDefault();
    saveNotes();
  };
  const handleDecisionSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!decision.trim()) return;
    setDecisionError(null);
    try {
      await props.api.addDecision(props.meetingId, item.id, decision.trim());
      setDecision('');
      props.onSaved();
    } catch (caught) {
      setDecisionError(caught);
    }
  };

  return (
    <section className={styles.item} aria-labelledby={headingId} data-testid={`agenda-${item.id}`}>
      <Text as="h3" id={headingId} weight="semibold" size={400}>{item.title}</Text>
      {error !== null && <ProblemBar error={error} />}
      {conflict && (
        <ConflictPanel
          rows={[{ label: t('meeting.notesFor', { title: item.title }), theirs: conflict.notes ?? '', mine: draft }]}
          onUseTheirs={notes.takeTheirs}
          onKeepMine={() => void notes.keepMine()}
        />
      )}
      {props.canRecord ? (
        <form onSubmit={handleNotesSubmit}>
          <Field label={t('meeting.notesFor', { title: item.title })} hint={busy ? t('common.saving') : saved && !dirty ? t('common.saved') : undefined}>
            <Textarea
              value={draft}
              resize="vertical"
              onChange={(_, data) => {
                notes.change(() => data.value);
                setSaved(false);
              }}
              onBlur={() => {
                if (dirty && !busy && !conflict) saveNotes();
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

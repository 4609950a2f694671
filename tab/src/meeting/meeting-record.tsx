import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';
import type { MeetingLive } from '../../../src/contract';
import { decisionsAndNotes } from '../../../src/domain/meeting';
import { dueDateLine } from '../../../src/domain/vocabulary';
import { useI18n } from '../i18n/i18n';
import { OriginNote } from './origin-note';
import { participantLabel } from './participation';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  pre: { whiteSpace: 'pre-wrap' },
});

/**
 * A meeting's record: the actions with their owners, the decisions and notes under their agenda
 * items, and who took part; then `answers`, the follow-up part the surface shows its own way.
 * Shown by the details tab after the meeting and by Möten.
 */
export function MeetingRecord(props: { live: MeetingLive; headingLevel: 'h2' | 'h3'; answers: ReactNode }) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t, format } = i18n;
  const id = useId();
  const { live: current, headingLevel } = props;
  const { decisions, notes } = decisionsAndNotes(current.meeting);
  const attendees = current.meeting.attendees?.length ?? 0;
  const heading = (key: string, text: string) => <Text as={headingLevel} id={`${id}-${key}`} size={headingLevel === 'h2' ? 500 : 400} weight="semibold">{text}</Text>;
  return (
    <div className={styles.section} data-testid="meeting-summary">
      <section className={styles.section} aria-labelledby={`${id}-actions`}>
        {heading('actions', t('meeting.summaryActions'))}
        {current.actions.length === 0 ? <Text>{t('common.noActionsYet')}</Text> : (
          <ul className={styles.list}>
            {current.actions.map((action) => (
              <li key={action.id} data-testid="summary-action">
                <Text weight="semibold">{action.title}</Text>
                <Text> · {t('vocab.term.owner')}: {action.ownerName ?? action.ownerId} · {dueDateLine(action.dueDate, format)} · {t(`vocab.actionStatus.${action.status}`)}</Text>
                <OriginNote action={action} prefix=" · " />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className={styles.section} aria-labelledby={`${id}-decisions`}>
        {heading('decisions', t('meeting.decisions'))}
        {decisions.length === 0 ? <Text>{t('meeting.decisionsEmpty')}</Text> : (
          <ul className={styles.list}>
            {decisions.map((decision, index) => <li key={index} data-testid="summary-decision"><Text>{decision.agendaItem}: {decision.text}</Text></li>)}
          </ul>
        )}
      </section>
      <section className={styles.section} aria-labelledby={`${id}-notes`}>
        {heading('notes', t('meeting.notes'))}
        {notes.length === 0 ? <Text>{t('meeting.notesEmpty')}</Text> : (
          <ul className={styles.list}>
            {notes.map((note) => (
              <li key={note.agendaItemId} data-testid="summary-note">
                <Text block weight="semibold">{note.agendaItem}</Text>
                <Text block className={styles.pre}>{note.text}</Text>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className={styles.section} aria-labelledby={`${id}-participants`}>
        {heading('participants', t('vocab.term.participants'))}
        {attendees > 0 && <Text data-testid="summary-joined">{t('meeting.joinedCount', { count: attendees })}</Text>}
        {current.meeting.participants.length === 0 ? <Text>{t('meeting.notParticipating')}</Text> : (
          <ul className={styles.list}>
            {current.meeting.participants.map((entry, index) => (
              <li key={index}><Text>{participantLabel(entry, i18n)}</Text></li>
            ))}
          </ul>
        )}
      </section>
      <section className={styles.section} aria-labelledby={`${id}-answers`}>
        {heading('answers', t('meeting.summaryAnswers'))}
        {props.answers}
      </section>
    </div>
  );
}

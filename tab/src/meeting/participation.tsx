import { Button, Field, Input, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { countedParticipantRoles } from '../../../src/domain/choices';
import type { Participant, ParticipantRole } from '../../../src/domain';
import { ProblemBar } from '../components/problem-bar';
import type { MeetingLive } from '../../../src/contract';
import { participantKey, type MeetingApi } from './meeting-api';
import { useI18n } from '../i18n/i18n';
import type { I18n } from '../i18n/i18n';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  entry: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
  count: { width: '6em' },
});

const namedRoles: ParticipantRole[] = ['principal', 'teacher', 'staff', 'administration', 'board'];

/** A participation entry as the meeting shows it: "Elever: 4", or "Elin Berg (Lärare)". */
export function participantLabel(entry: Participant, { t, format }: Pick<I18n, 't' | 'format'>): string {
  const role = t(`vocab.participantRole.${entry.role}`);
  return entry.count !== undefined ? `${role}: ${format.number(entry.count)}` : `${entry.displayName ?? ''} (${role})`;
}

/** The participation record the law asks for: staff by name and role, pupils, children and guardians by count. */
export function Participation(props: { live: MeetingLive; api: MeetingApi; onSaved: () => void }) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t, language } = i18n;
  const { meeting, people, canRecord } = props.live;
  const me = people.find((person) => person.roles.includes('you'));
  const myEntry = me ? meeting.participants.find((entry) => entry.userId === me.userId) : undefined;
  const [role, setRole] = useState<ParticipantRole>(myEntry?.role ?? (me?.roles.includes('principal') ? 'principal' : 'teacher'));
  const [counts, setCounts] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);

  const run = async (write: () => Promise<unknown>) => {
    setError(null);
    try {
      await write();
      props.onSaved();
    } catch (caught) {
      setError(caught);
    }
  };
  const handleMarkMe = (event: FormEvent) => {
    event.preventDefault();
    if (!me) return;
    void run(() => props.api.recordParticipant(meeting.id, { role, userId: me.userId, displayName: me.name }));
  };
  const handleCount = (counted: ParticipantRole) => (event: FormEvent) => {
    event.preventDefault();
    const count = Number(counts[counted] ?? '');
    if (!Number.isInteger(count) || count < 0) return;
    void run(() =>
      count === 0
        ? props.api.removeParticipant(meeting.id, `role:${counted}`)
        : props.api.recordParticipant(meeting.id, { role: counted, count }),
    );
  };
  const label = (entry: Participant) => participantLabel(entry, i18n);

  return (
    <>
      <Text size={200}>{`${t('meeting.participationIntro')} ${t('common.countedNotNamed')}`}</Text>
      {error !== null && <ProblemBar error={error} />}
      {meeting.participants.length === 0 ? (
        <Text>{t('meeting.notParticipating')}</Text>
      ) : (
        <ul className={styles.list} data-testid="participants">
          {meeting.participants.map((entry) => (
            <li key={participantKey(entry)} className={styles.entry}>
              <Text>{label(entry)}</Text>
              {canRecord && (
                <Button size="small" appearance="subtle" aria-label={t('meeting.removeNamed', { name: label(entry) })}
                  onClick={() => void run(() => props.api.removeParticipant(meeting.id, participantKey(entry)))}>
                  {t('common.remove')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canRecord && me && (
        <form className={styles.row} onSubmit={handleMarkMe}>
          <Field label={t('meeting.markMe')}>
            <Select value={role} onChange={(_, data) => setRole(data.value as ParticipantRole)}>
              {namedRoles.map((value) => <option key={value} value={value}>{t(`vocab.participantRole.${value}`)}</option>)}
            </Select>
          </Field>
          <Button type="submit">{t('meeting.markMeButton')}</Button>
        </form>
      )}
      {canRecord && countedParticipantRoles.map((counted) => (
        <form key={counted} className={styles.row} onSubmit={handleCount(counted)}>
          <Field label={t('meeting.countOf', { role: t(`vocab.participantRole.${counted}`).toLocaleLowerCase(language) })}>
            <Input className={styles.count} type="number" min={0} max={10000} value={counts[counted] ?? ''}
              onChange={(_, data) => setCounts((previous) => ({ ...previous, [counted]: data.value }))} />
          </Field>
          <Button type="submit" size="small">{t('meeting.saveCount')}</Button>
        </form>
      ))}
    </>
  );
}

import { Button, Field, Input, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import type { Meeting, Unit } from '../../../src/contract';
import { meetingTypes } from '../../../src/domain/choices';
import type { MeetingType } from '../../../src/domain';
import { useSession } from '../auth/session';
import { fieldError, problemField } from '../components/field-error';
import { ProblemBar } from '../components/problem-bar';
import { StatusScreen } from '../components/status-screen';
import { useLoad } from '../hooks/use-load';
import { MeetingApi } from './meeting-api';
import { useI18n } from '../i18n/i18n';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, maxWidth: '480px' },
});

/** "YYYY-MM-DDTHH:mm" in local time, for a datetime-local input. */
function localInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * The first time the panel opens in an unlinked meeting: the unit's principal or the
 * administration links it to a unit and a meeting type; everyone else learns who may.
 */
export function LinkMeeting(props: { teamsMeetingId: string; chatId?: string; onLinked: (meeting: Meeting) => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { api } = useSession();
  const meetingApi = useMemo(() => new MeetingApi(api), [api]);
  const [units] = useLoad(async (): Promise<readonly Unit[]> => {
    const me = await api.me();
    const all = (await api.units()).items;
    if (me.appRoles.includes('Administration')) return all;
    const led = new Set(me.units.filter((unit) => unit.roles.includes('principal')).map((unit) => unit.unitId));
    return all.filter((unit) => led.has(unit.id));
  }, 'link');
  const [unitId, setUnitId] = useState('');
  const [type, setType] = useState<MeetingType>('resultsConference');
  const [title, setTitle] = useState('');
  const [startsAt, setStartsAt] = useState(() => localInputValue(new Date()));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  if (units.status === 'loading') return <StatusScreen busy message={t('meeting.loadingMeeting')} />;
  if (units.status === 'error') return <StatusScreen title={t('common.errorTitle')}><ProblemBar error={units.error} /></StatusScreen>;
  if (units.data.length === 0) return <StatusScreen title={t('meeting.linkMeeting')} message={t('meeting.linkWho')} />;
  const chosenUnit = unitId || units.data[0]?.id || '';
  // a problem with one of the form's fields is shown beside it, any other above the form
  const beside = ['unitId', 'title', 'startsAt'].includes(problemField(error) ?? '');

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const meeting = await meetingApi.link({
        teamsMeetingId: props.teamsMeetingId,
        ...(props.chatId ? { chatId: props.chatId } : {}),
        unitId: chosenUnit,
        type,
        title: title.trim() || t(`vocab.meetingType.${type}`),
        startsAt: new Date(startsAt).toISOString(),
      });
      props.onLinked(meeting);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main>
      <form className={styles.form} onSubmit={(event) => void handleSubmit(event)}>
        <Text as="h1" size={500} weight="semibold">{t('meeting.linkMeeting')}</Text>
        <Text>{t('meeting.linkIntro')}</Text>
        {error !== null && !beside && <ProblemBar error={error} />}
        <Field label={t('common.unit')} required {...fieldError(error, 'unitId')}>
          <Select value={chosenUnit} onChange={(_, data) => setUnitId(data.value)}>
            {units.data.map((unit) => <option key={unit.id} value={unit.id}>{unit.name}</option>)}
          </Select>
        </Field>
        <Field label={t('common.meetingType')} required>
          <Select value={type} onChange={(_, data) => setType(data.value as MeetingType)}>
            {meetingTypes.map((value) => <option key={value} value={value}>{t(`vocab.meetingType.${value}`)}</option>)}
          </Select>
        </Field>
        <Field label={t('meeting.linkTitleField')} {...fieldError(error, 'title')}>
          <Input value={title} placeholder={t(`vocab.meetingType.${type}`)} onChange={(_, data) => setTitle(data.value)} />
        </Field>
        <Field label={t('meeting.linkStartsAt')} required {...fieldError(error, 'startsAt')}>
          <Input type="datetime-local" value={startsAt} onChange={(_, data) => setStartsAt(data.value)} />
        </Field>
        <Button type="submit" appearance="primary" disabled={busy}>{t('meeting.linkMeeting')}</Button>
      </form>
    </main>
  );
}

import { Button, Field, Input, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { ProblemError } from '../api/problem-error';
import type { Meeting, Unit } from '../../../src/contract';
import type { MeetingType } from '../../../src/domain';
import { useSession } from '../auth/session';
import { ProblemBar } from '../components/problem-bar';
import { StatusScreen } from '../components/status-screen';
import { useLoad } from '../hooks/use-load';
import { meetingTypeLabel } from '../views/labels';
import { MeetingApi } from './meeting-api';
import { useMeetingText } from './meeting-text';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, maxWidth: '480px' },
});

const types = Object.keys(meetingTypeLabel) as MeetingType[];

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
  const { t, mt } = useMeetingText();
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

  if (units.status === 'loading') return <StatusScreen busy message={mt('loadingMeeting')} />;
  if (units.status === 'error') return <StatusScreen title={t('errorTitle')}><ProblemBar error={units.error} /></StatusScreen>;
  if (units.data.length === 0) return <StatusScreen title={mt('linkTitle')} message={mt('linkWho')} />;
  const chosenUnit = unitId || units.data[0]?.id || '';
  const field = error instanceof ProblemError ? error.field : undefined;

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
        title: title.trim() || t(meetingTypeLabel[type]),
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
        <Text as="h1" size={500} weight="semibold">{mt('linkTitle')}</Text>
        <Text>{mt('linkIntro')}</Text>
        {error !== null && <ProblemBar error={error} />}
        <Field label={mt('linkUnit')} required validationState={field === 'unitId' ? 'error' : 'none'}>
          <Select value={chosenUnit} onChange={(_, data) => setUnitId(data.value)}>
            {units.data.map((unit) => <option key={unit.id} value={unit.id}>{unit.name}</option>)}
          </Select>
        </Field>
        <Field label={mt('linkType')} required>
          <Select value={type} onChange={(_, data) => setType(data.value as MeetingType)}>
            {types.map((value) => <option key={value} value={value}>{t(meetingTypeLabel[value])}</option>)}
          </Select>
        </Field>
        <Field label={mt('linkTitleField')} validationState={field === 'title' ? 'error' : 'none'}>
          <Input value={title} placeholder={t(meetingTypeLabel[type])} onChange={(_, data) => setTitle(data.value)} />
        </Field>
        <Field label={mt('linkStartsAt')} required validationState={field === 'startsAt' ? 'error' : 'none'}>
          <Input type="datetime-local" value={startsAt} onChange={(_, data) => setStartsAt(data.value)} />
        </Field>
        <Button type="submit" appearance="primary" disabled={busy}>{mt('linkButton')}</Button>
      </form>
    </main>
  );
}

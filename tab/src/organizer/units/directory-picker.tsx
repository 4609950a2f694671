import { Button, Field, SearchBox, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { FieldProps } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { ProblemBar } from '../../components/problem-bar';
import { useI18n } from '../../i18n/i18n';
import type { UnitsApi } from './units-api';

const useStyles = makeStyles({
  root: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium,
  },
  legend: { padding: `0 ${tokens.spacingHorizontalXS}`, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  detail: { color: tokens.colorNeutralForeground3 },
});

/** Someone or some group chosen from the directory. */
export interface Chosen {
  readonly id: string;
  readonly name: string;
  readonly detail?: string;
}

type Search = { state: 'idle' } | { state: 'short' } | { state: 'searching' } | { state: 'found'; found: Chosen[] } | { state: 'failed'; error: unknown };

/** The directory's people or groups, found by a part of the name. */
function searcher(api: UnitsApi, kind: 'people' | 'groups'): (text: string) => Promise<Chosen[]> {
  return kind === 'people'
    ? async (text) => (await api.searchPeople(text)).items.map((p) => ({ id: p.userId, name: p.name, ...(p.mail ? { detail: p.mail } : {}) }))
    : async (text) => (await api.searchGroups(text)).items.map((g) => ({ id: g.groupId, name: g.name, ...(g.mail ? { detail: g.mail } : {}) }));
}

/**
 * Chooses principals (several, each with a button to take them away) or a staff group (one,
 * replaced by choosing another) from the directory: what is chosen, then a search (at least two
 * characters) whose hits are buttons.
 */
export function DirectoryPicker(props: {
  api: UnitsApi;
  kind: 'people' | 'groups';
  label: string;
  /** several may be chosen (principals), or one (a staff group) */
  multiple: boolean;
  chosen: readonly Chosen[];
  onChange: (chosen: Chosen[]) => void;
  validation?: Pick<FieldProps, 'validationState' | 'validationMessage'>;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [answer, setAnswer] = useState<{ readonly text: string; readonly found?: Chosen[]; readonly error?: unknown } | null>(null);
  const { api, kind } = props;
  const wanted = text.trim();

  // wait for a pause in typing; an answer to older text is dropped
  useEffect(() => {
    if (wanted.length < 2) return;
    let live = true;
    const timer = setTimeout(() => {
      searcher(api, kind)(wanted).then(
        (found) => live && setAnswer({ text: wanted, found }),
        (error: unknown) => live && setAnswer({ text: wanted, error }),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [wanted, api, kind]);
  const search: Search = wanted === '' ? { state: 'idle' } : wanted.length < 2 ? { state: 'short' }
    : answer?.text !== wanted ? { state: 'searching' }
      : answer.found ? { state: 'found', found: answer.found } : { state: 'failed', error: answer.error };

  const handleChoose = (person: Chosen) => {
    const others = props.multiple ? props.chosen.filter((c) => c.id !== person.id) : [];
    props.onChange([...others, person]);
    setText('');
  };
  const handleRemove = (id: string) => props.onChange(props.chosen.filter((c) => c.id !== id));
  const chosenIds = new Set(props.chosen.map((c) => c.id));
  const hits = search.state === 'found' ? search.found.filter((hit) => !chosenIds.has(hit.id)) : [];

  return (
    <fieldset className={styles.root}>
      <legend className={styles.legend}>{props.label}</legend>
      {props.chosen.length === 0 ? <Text>{t('setup.pickerNoneChosen')}</Text> : (
        <ul className={styles.list} aria-label={t('setup.pickerChosen', { label: props.label })}>
          {props.chosen.map((c) => (
            <li key={c.id} className={styles.item}>
              <Text weight="semibold">{c.name}</Text>
              {c.detail && <Text size={200} className={styles.detail}>{c.detail}</Text>}
              {/* one group is replaced by choosing another; several people are each taken away */}
              {props.multiple && <Button size="small" onClick={() => handleRemove(c.id)} aria-label={t('meeting.removeNamed', { name: c.name })}>{t('common.remove')}</Button>}
            </li>
          ))}
        </ul>
      )}
      <Field label={t(props.kind === 'people' ? 'setup.pickerSearchPeople' : 'setup.pickerSearchGroups')} {...props.validation}>
        <SearchBox value={text} onChange={(_, data) => setText(data.value)} />
      </Field>
      <Text size={200} role="status">
        {search.state === 'short' ? t('setup.pickerShort') : search.state === 'searching' ? t('setup.pickerSearching')
          : search.state === 'found' ? (hits.length === 0 ? t('setup.pickerNoHits', { text: text.trim() }) : t('setup.pickerHits', { count: hits.length })) : ''}
      </Text>
      {search.state === 'failed' && <ProblemBar error={search.error} />}
      {hits.length > 0 && (
        <ul className={styles.list} aria-label={t('setup.pickerHitsLabel')}>
          {hits.map((hit) => (
            <li key={hit.id} className={styles.item}>
              <Button size="small" onClick={() => handleChoose(hit)} aria-label={t('setup.pickerChoose', { name: hit.name })}>{hit.name}</Button>
              {hit.detail && <Text size={200} className={styles.detail}>{hit.detail}</Text>}
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

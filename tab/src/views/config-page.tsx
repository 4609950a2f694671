import {
  Field, Link, MessageBar, MessageBarBody, Radio, RadioGroup, SearchBox, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { Me, Unit } from '../api/types';
import { useSession } from '../auth/session';
import { ProblemBar } from '../components/problem-bar';
import { StatusScreen } from '../components/status-screen';
import { useHost } from '../host/host-context';
import { useLoad } from '../hooks/use-load';
import { useI18n } from '../i18n/i18n';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalXL, maxWidth: '640px' },
});

/** Whether the caller may bind a channel to `unit`: the administration, or the unit's principal. */
export function mayConfigure(me: Me, unitId: string): boolean {
  return me.appRoles.includes('Administration') || me.units.some((u) => u.unitId === unitId && u.roles.includes('principal'));
}

/**
 * The configurable tab's settings page: pick the channel's unit (by name or skolenhetskod) and save
 * it with `pages.config.setConfig` (entityId = unit id). Others are told who may configure it.
 */
export default function ConfigPage() {
  const styles = useStyles();
  const { t } = useI18n();
  const { api } = useSession();
  const { state: hostState, sdk } = useHost();
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<Unit | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [me] = useLoad<Me>(() => api.me(), 'me');
  const [units] = useLoad(() => api.units(search.trim()), `units|${search.trim()}`);
  const selectedRef = useRef<Unit | null>(null);
  selectedRef.current = selected;
  const context = hostState.phase === 'teams' ? hostState.context : undefined;

  useEffect(() => {
    if (!sdk) return;
    sdk.onSave(async () => {
      const unit = selectedRef.current;
      if (!unit) throw new Error('no unit selected');
      try {
        if (context?.teamId && context.channelId) await api.bindChannel(unit.id, { teamId: context.teamId, channelId: context.channelId });
        const origin = window.location.origin;
        await sdk.setConfig({
          entityId: unit.id,
          contentUrl: `${origin}/tab?unitId=${encodeURIComponent(unit.id)}`,
          websiteUrl: `${origin}/tab?unitId=${encodeURIComponent(unit.id)}`,
          suggestedDisplayName: 'Kvalitetshjulet',
        });
        setSaved(unit.name);
      } catch (caught) {
        setError(caught);
        throw caught;
      }
    });
  }, [sdk, api, context?.teamId, context?.channelId]);

  if (me.status === 'loading') return <StatusScreen busy message={t('loading')} />;
  if (me.status === 'error') return <StatusScreen title={t('errorTitle')}><ProblemBar error={me.error} /></StatusScreen>;
  const allowed = (units.status === 'ready' ? units.data.items : []).filter((u) => mayConfigure(me.data, u.id));
  const mayAny = me.data.appRoles.includes('Administration') || me.data.units.some((u) => u.roles.includes('principal'));

  const handleSelect = (unitId: string) => {
    const unit = allowed.find((u) => u.id === unitId) ?? null;
    setSelected(unit);
    sdk?.setValidityState(unit !== null);
  };

  return (
    <main className={styles.root} data-testid="config">
      <Text as="h1" size={600} weight="semibold">{t('configTitle')}</Text>
      <Text size={200}>{t('configWhoMay')}</Text>
      {!mayAny ? (
        <MessageBar intent="warning"><MessageBarBody>{t('configNotAllowed')}</MessageBarBody></MessageBar>
      ) : (
        <>
          <Text>{t('configIntro')}</Text>
          <Field label={t('configSearch')}>
            <SearchBox value={search} onChange={(_, d) => setSearch(d.value)} />
          </Field>
          {units.status === 'loading' && <Text role="status">{t('loading')}</Text>}
          {units.status === 'error' && <ProblemBar error={units.error} />}
          {units.status === 'ready' && (allowed.length === 0 ? <Text role="status">{t('configNoMatch')}</Text> : (
            <Field label={t('configUnitsLabel')}>
              <RadioGroup value={selected?.id ?? ''} onChange={(_, d) => handleSelect(d.value)}>
                {allowed.map((u) => <Radio key={u.id} value={u.id} label={`${u.name} (${t('schoolUnitCode', { code: u.schoolUnitCode })})`} />)}
              </RadioGroup>
            </Field>
          ))}
          {selected && <Text role="status">{t('configSelected', { name: selected.name })}</Text>}
          {!sdk && selected && (
            <MessageBar intent="info"><MessageBarBody>{t('configStandalone')} <Link href={`/tab?unitId=${encodeURIComponent(selected.id)}`}>{t('open')}</Link></MessageBarBody></MessageBar>
          )}
          {error !== null && <ProblemBar error={error} />}
          {saved && <MessageBar intent="success" role="status"><MessageBarBody>{t('configSaved', { name: saved })}</MessageBarBody></MessageBar>}
        </>
      )}
    </main>
  );
}


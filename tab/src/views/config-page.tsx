import {
  Field, Link, MessageBar, MessageBarBody, Radio, RadioGroup, SearchBox, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { Me, Unit } from '../../../src/contract';
import { useSession } from '../auth/session';
import { ProblemBar } from '../components/problem-bar';
import { StatusScreen } from '../components/status-screen';
import { useHost } from '../host/host-context';
import { useLoad } from '../hooks/use-load';
import { useI18n } from '../i18n/i18n';
import { pageViews } from '../route';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalXL, maxWidth: '640px' },
});

/** Whether the caller may bind a channel to `unit`: the administration, or the unit's principal. */
export function mayConfigure(me: Me, unitId: string): boolean {
  return me.appRoles.includes('Administration') || me.units.some((u) => u.unitId === unitId && u.roles.includes('principal'));
}

/** Whether the caller may give a channel the organizer's view: the administration only. */
export function mayConfigureOrganizer(me: Pick<Me, 'appRoles'>): boolean {
  return me.appRoles.includes('Administration');
}

/** What the channel's tab will show: one unit, or the organizer's view (entityId `organizer`). */
export type TabChoice = { kind: 'unit'; unit: Unit } | { kind: 'organizer' };

/** The settings `pages.config.setConfig` saves for a choice, on the tab's own origin. */
export function tabConfigFor(choice: TabChoice, origin: string): { entityId: string; contentUrl: string; websiteUrl: string; suggestedDisplayName: string } {
  const url = choice.kind === 'organizer' ? `${origin}/tab?view=${pageViews.organizer}` : `${origin}/tab?unitId=${encodeURIComponent(choice.unit.id)}`;
  return { entityId: choice.kind === 'organizer' ? 'organizer' : choice.unit.id, contentUrl: url, websiteUrl: url, suggestedDisplayName: 'Kvalitetshjulet' };
}

/**
 * The configurable tab's settings page: pick the channel's unit (by name or skolenhetskod) and save
 * it with `pages.config.setConfig` (entityId = unit id). The administration may instead give the
 * channel the organizer's view. Others are told who may configure it.
 */
export default function ConfigPage() {
  const styles = useStyles();
  const { t } = useI18n();
  const { api } = useSession();
  const { state: hostState, sdk } = useHost();
  const [search, setSearch] = useState('');
  const [target, setTarget] = useState<TabChoice['kind']>('unit');
  const [selected, setSelected] = useState<Unit | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [me] = useLoad<Me>(() => api.me(), 'me');
  const [units] = useLoad(() => api.units(search.trim()), `units|${search.trim()}`);
  const choice: TabChoice | null = target === 'organizer' ? { kind: 'organizer' } : selected ? { kind: 'unit', unit: selected } : null;
  // what the host's save (registered once per sdk) saves: the choice of the last render
  const choiceRef = useRef<TabChoice | null>(null);
  useEffect(() => {
    choiceRef.current = choice;
  });
  const context = hostState.phase === 'teams' ? hostState.context : undefined;

  useEffect(() => {
    if (!sdk) return;
    sdk.onSave(async () => {
      const current = choiceRef.current;
      if (!current) throw new Error('nothing selected');
      try {
        // The organizer's view belongs to no unit: no channel binding to write.
        if (current.kind === 'unit' && context?.teamId && context.channelId) await api.bindChannel(current.unit.id, { teamId: context.teamId, channelId: context.channelId });
        await sdk.setConfig(tabConfigFor(current, window.location.origin));
        setSaved(current.kind === 'organizer' ? t('channel.configSavedOrganizer') : t('channel.configSaved', { name: current.unit.name }));
      } catch (caught) {
        setError(caught);
        throw caught;
      }
    });
  }, [sdk, api, t, context?.teamId, context?.channelId]);

  if (me.status === 'loading') return <StatusScreen busy message={t('common.loading')} />;
  if (me.status === 'error') return <StatusScreen title={t('common.errorTitle')}><ProblemBar error={me.error} /></StatusScreen>;
  const allowed = (units.status === 'ready' ? units.data.items : []).filter((u) => mayConfigure(me.data, u.id));
  const mayAny = me.data.appRoles.includes('Administration') || me.data.units.some((u) => u.roles.includes('principal'));
  const mayOrganizer = mayConfigureOrganizer(me.data);

  const handleSelect = (unitId: string) => {
    const unit = allowed.find((u) => u.id === unitId) ?? null;
    setSelected(unit);
    sdk?.setValidityState(unit !== null);
  };
  const handleTarget = (next: string) => {
    const kind = next === 'organizer' && mayOrganizer ? 'organizer' : 'unit';
    setTarget(kind);
    sdk?.setValidityState(kind === 'organizer' || selected !== null);
  };
  const standaloneHref = choice ? tabConfigFor(choice, '').contentUrl : undefined;

  return (
    <main className={styles.root} data-testid="config">
      <Text as="h1" size={600} weight="semibold">{t('channel.configTitle')}</Text>
      <Text size={200}>{t('channel.configWhoMay')}</Text>
      {!mayAny ? (
        <MessageBar intent="warning"><MessageBarBody>{t('channel.configNotAllowed')}</MessageBarBody></MessageBar>
      ) : (
        <>
          {mayOrganizer && (
            <Field label={t('channel.configTargetLabel')}>
              <RadioGroup value={target} onChange={(_, d) => handleTarget(d.value)}>
                <Radio value="unit" label={t('channel.configTargetUnit')} />
                <Radio value="organizer" label={t('common.organizerView')} />
              </RadioGroup>
            </Field>
          )}
          {target === 'organizer' ? <Text role="status">{t('channel.configOrganizerSelected')}</Text> : (
            <>
              <Text>{t('channel.configIntro')}</Text>
              <Field label={t('channel.configSearch')}>
                <SearchBox value={search} onChange={(_, d) => setSearch(d.value)} />
              </Field>
              {units.status === 'loading' && <Text role="status">{t('common.loading')}</Text>}
              {units.status === 'error' && <ProblemBar error={units.error} />}
              {units.status === 'ready' && (allowed.length === 0 ? <Text role="status">{t('channel.configNoMatch')}</Text> : (
                <Field label={t('common.units')}>
                  <RadioGroup value={selected?.id ?? ''} onChange={(_, d) => handleSelect(d.value)}>
                    {allowed.map((u) => <Radio key={u.id} value={u.id} label={`${u.name} (${`${t('vocab.term.schoolUnitCode')} ${u.schoolUnitCode}`})`} />)}
                  </RadioGroup>
                </Field>
              ))}
              {selected && <Text role="status">{t('channel.configSelected', { name: selected.name })}</Text>}
            </>
          )}
          {!sdk && standaloneHref && (
            <MessageBar intent="info"><MessageBarBody>{t(choice?.kind === 'organizer' ? 'channel.configStandaloneOrganizer' : 'channel.configStandalone')} <Link href={standaloneHref}>{t('common.open')}</Link></MessageBarBody></MessageBar>
          )}
          {error !== null && <ProblemBar error={error} />}
          {saved && <MessageBar intent="success" role="status"><MessageBarBody>{saved}</MessageBarBody></MessageBar>}
        </>
      )}
    </main>
  );
}

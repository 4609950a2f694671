import { Button, Link, Select, Text, makeStyles, tokens, useId } from '@fluentui/react-components';
import { Suspense, lazy, useState } from 'react';
import type { Me, Unit } from '../../../src/contract';
import { takePrefetched } from '../api/prefetch';
import { ProblemError, isNoAccessToUnit } from '../api/problem-error';
import { canLearnFromOtherUnits } from '../auth/permissions';
import { useSession } from '../auth/session';
import { OrganizerLink } from '../components/organizer-link';
import { ProblemBar } from '../components/problem-bar';
import { SignedInAs } from '../components/signed-in-as';
import { StatusScreen } from '../components/status-screen';
import { TabBar } from '../components/tab-bar';
import { ViewErrorBoundary } from '../components/view-error-boundary';
import { useHost } from '../host/host-context';
import { useLoad } from '../hooks/use-load';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/i18n';
import { channelViews, pageViews, rememberInUrl, searchOutsideUnit, searchWith, type ChannelView } from '../route';
import { NotSetUp } from './not-set-up';
import { loadOverview } from './overview/load-overview';

const Overview = lazy(loadOverview);
const Results = lazy(() => import('./results/results-view'));
const AnalysisView = lazy(() => import('./analysis/analysis-view'));
const Goals = lazy(() => import('./goals/goals-view'));
const Actions = lazy(() => import('./actions/actions-view'));
const Deficiencies = lazy(() => import('./deficiencies/deficiencies-view'));
const Meetings = lazy(() => import('./meetings/meetings-view'));
const Report = lazy(() => import('./report/report-view'));
const OtherUnits = lazy(() => import('./other-units/other-units-view'));

const labels = {
  overview: 'channel.tabOverview', results: 'common.results', analysis: 'vocab.phase.analysis', goals: 'common.goals', actions: 'common.actions',
  deficiencies: 'common.deficiencies', meetings: 'common.meetings', report: 'channel.tabReport', otherUnits: 'otherUnits.title',
} as const satisfies Record<ChannelView, MessageKey>;

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  who: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  title: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  body: { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}` },
});

/** Which unit to open, or what to offer instead: the units to choose from, or "no access". */
interface UnitLookup {
  unitId?: string;
  choices: readonly { unitId: string; name: string }[];
  /** the chooser's person's app roles: the administration and the board get a way to their level */
  appRoles: Me['appRoles'];
  /** whether the chooser offers Andra enheter (units.learn) */
  canLearn: boolean;
  noAccess?: boolean;
}

/**
 * Finds the unit: the URL, the tab's entityId, the channel's binding, or the user's choice. `choose`
 * (the way back from inside a unit) asks the user even when the channel or a single unit would answer.
 */
function useUnitId(fromUrl: string | undefined, choose: boolean) {
  const { api } = useSession();
  const { state } = useHost();
  const [chosen, setChosen] = useState<string | undefined>();
  const context = state.phase === 'teams' ? state.context : undefined;
  const direct = choose ? chosen : fromUrl ?? context?.entityId ?? chosen;
  const [lookup] = useLoad<UnitLookup>(async () => {
    const nothing = { choices: [], appRoles: [], canLearn: false };
    if (direct) return { ...nothing, unitId: direct };
    if (!choose && context?.teamId && context.channelId) {
      try {
        return { ...nothing, unitId: (await api.unitByChannel(context.teamId, context.channelId)).id };
      } catch (error) {
        // linked to a unit this person may not see: they are told so, not that the channel is unlinked
        if (isNoAccessToUnit(error)) return { ...nothing, noAccess: true };
        if (error instanceof ProblemError && error.status === 404) return nothing;
        throw error;
      }
    }
    const me = await api.me();
    // The administration and the board belong to no unit but read them all: offer every unit they see.
    const choices = me.units.length > 0 ? me.units : (await api.units()).items.map((u) => ({ unitId: u.id, name: u.name }));
    const only = !choose && choices.length === 1 ? choices[0] : undefined;
    const canLearn = canLearnFromOtherUnits(me);
    return only ? { unitId: only.unitId, choices: [], appRoles: me.appRoles, canLearn } : { choices, appRoles: me.appRoles, canLearn };
  }, direct ?? 'lookup');
  const handleChoose = (unitId: string) => {
    // from the way back, the chosen unit goes into the address: a reload opens it, not the chooser
    if (choose) window.history.replaceState(null, '', searchWith(window.location.search, { unitId, view: 'overview' }) + window.location.hash);
    setChosen(unitId);
  };
  return { lookup, handleChoose, inTeams: Boolean(context) && !choose };
}

/**
 * The channel tab for one unit: Översikt, Resultat, Analys, Mål, Åtgärder, Brister, Möten, Rapport,
 * Andra enheter. `choose` shows the unit chooser first (`?view=units`).
 */
export default function ChannelTab({ unitId: fromUrl, view, choose = false }: { unitId?: string; view: ChannelView; choose?: boolean }) {
  const { t } = useI18n();
  const { lookup, handleChoose, inTeams } = useUnitId(fromUrl, choose);
  if (lookup.status === 'loading') return <StatusScreen busy message={t('common.loading')} />;
  if (lookup.status === 'error') return <StatusScreen title={t('common.errorTitle')}><ProblemBar error={lookup.error} /></StatusScreen>;
  const { unitId, choices, appRoles, canLearn, noAccess } = lookup.data;
  if (noAccess) return <StatusScreen title={t('channel.noAccessTitle')} message={t('channel.noAccessToUnit')} />;
  if (!unitId) {
    // nothing to choose: no unit yet for this person (or none at all), or a channel not bound to one
    if (choices.length === 0) return <NotSetUp inChannel={inTeams} />;
    if (inTeams) return <StatusScreen title={t('channel.noUnitTitle')} message={t('channel.noUnitConfigured')} />;
    return <UnitChooser choices={choices} appRoles={appRoles} canLearn={canLearn} onChoose={handleChoose} />;
  }
  return <UnitTabs unitId={unitId} view={view} />;
}

function UnitChooser({ choices, appRoles, canLearn, onChoose }: Pick<UnitLookup, 'choices' | 'appRoles' | 'canLearn'> & { onChoose: (unitId: string) => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const selectId = useId('unit');
  const [value, setValue] = useState(choices[0]?.unitId ?? '');
  return (
    <StatusScreen title={t('channel.chooseUnit')} message={t('channel.chooseUnitIntro')}>
      <label htmlFor={selectId}>{t('channel.chooseUnit')}</label>
      <Select id={selectId} value={value} onChange={(_, data) => setValue(data.value)}>
        {choices.map((choice) => <option key={choice.unitId} value={choice.unitId}>{choice.name}</option>)}
      </Select>
      <Button appearance="primary" onClick={() => onChoose(value)}>{t('common.open')}</Button>
      {canLearn && <Link href={searchWith(window.location.search, { view: pageViews.otherUnits })}>{t('otherUnits.openFromChooser')}</Link>}
      <OrganizerLink me={{ appRoles }} />
      <SignedInAs className={styles.who} />
    </StatusScreen>
  );
}

function UnitTabs({ unitId, view: asked }: { unitId: string; view: ChannelView }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { api } = useSession();
  const [view, setView] = useState<ChannelView>(asked);
  const [unit] = useLoad<Unit>(() => takePrefetched('unit', unitId) ?? api.unit(unitId), unitId);
  // Andra enheter is a tab for those who may read it (units.learn); the others do not see it
  const [me] = useLoad<Me>(() => api.me(), 'me');
  const canLearn = me.status === 'ready' && canLearnFromOtherUnits(me.data);
  const shownViews = channelViews.filter((v) => v !== 'otherUnits' || canLearn || view === v);
  const handleSelect = (next: ChannelView) => {
    setView(next);
    rememberInUrl({ view: next });
  };
  const panelId = `panel-${view}`;
  return (
    <>
      <header className={styles.header}>
        <div className={styles.title}>
          <Text as="h1" size={500} weight="semibold">{unit.status === 'ready' ? unit.data.name : t('common.appName')}</Text>
          <Link href={searchOutsideUnit(window.location.search, pageViews.unitChooser)}>{t('otherUnits.backToChooser')}</Link>
        </div>
        <SignedInAs className={styles.who} />
      </header>
      <nav aria-label={t('channel.viewsLabel')}>
        <TabBar items={shownViews.map((v) => ({ value: v, label: t(labels[v]), id: `tab-${v}` }))} selected={view} onSelect={handleSelect} panelId={panelId} />
      </nav>
      <main className={styles.body} id={panelId} role="tabpanel" aria-labelledby={`tab-${view}`}>
        <ViewErrorBoundary key={view} title={t('common.errorTitle')} message={t('common.errorBoundary')} retryLabel={t('common.retry')}>
          <Suspense fallback={<StatusScreen as="div" busy message={t('common.loading')} />}>
            {view === 'overview' && <Overview unitId={unitId} onOpen={handleSelect} />}
            {view === 'results' && <Results unitId={unitId} />}
            {view === 'analysis' && <AnalysisView unitId={unitId} />}
            {view === 'goals' && <Goals unitId={unitId} />}
            {view === 'actions' && <Actions unitId={unitId} />}
            {view === 'deficiencies' && <Deficiencies unitId={unitId} />}
            {view === 'meetings' && <Meetings unitId={unitId} />}
            {view === 'report' && <Report unitId={unitId} />}
            {view === 'otherUnits' && <OtherUnits />}
          </Suspense>
        </ViewErrorBoundary>
      </main>
    </>
  );
}

import { FluentProvider, makeStyles, tokens } from '@fluentui/react-components';
import { Suspense, lazy, useEffect, useEffectEvent, useMemo, useState } from 'react';
import { AuthGate } from './auth/auth-gate';
import { StatementsFooter } from './components/statements-footer';
import { StatusScreen } from './components/status-screen';
import { ViewErrorBoundary } from './components/view-error-boundary';
import { detectHost } from './host/detect-host';
import type { DetectHostOptions } from './host/detect-host';
import { HostContext } from './host/host-context';
import type { Host } from './host/host-context';
import { themeFor } from './host/theme';
import { languageOf } from '../../src/domain/language';
import { I18nProvider, translator } from './i18n/i18n';
import { OrganizerPageEntry, preloadOrganizer } from './organizer/load-organizer';
import { PrefetchOrganizer } from './organizer/prefetch-organizer';
import { routeFrom } from './route';
import { PrefetchChannel } from './views/prefetch-channel';
import { loadChannelTab, preloadChannelTab } from './views/preload';

const ChannelTab = lazy(loadChannelTab);
const ConfigPage = lazy(() => import('./views/config-page'));
const MyActions = lazy(() => import('./views/my-actions'));
const UnitFeedbackPage = lazy(() => import('./organizer/unit-feedback-page'));
const UnitYearWheelPage = lazy(() => import('./organizer/unit-year-wheel-page'));
const MeetingSurface = lazy(() => import('./meeting/meeting-surface'));
const OtherUnitsPage = lazy(() => import('./views/other-units/other-units-page'));

const useStyles = makeStyles({
  root: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1 },
});

/** Options for the app; the defaults are the browser's. */
export interface AppProps {
  detect?: DetectHostOptions;
  location?: { pathname: string; search: string };
  fetch?: typeof fetch;
  storage?: Storage;
}

/** The tab: finds its host, picks language and theme, signs in, then shows the page the URL asks for. */
export function App(props: AppProps = {}) {
  const styles = useStyles();
  const location = props.location ?? window.location;
  const params = new URLSearchParams(location.search);
  const [host, setHost] = useState<Host>({ state: { phase: 'starting' } });
  const [theme, setTheme] = useState<string | undefined>(params.get('theme') ?? undefined);

  // Detection runs once per page load, with the props of the first render, whatever they do later.
  const startDetection = useEffectEvent(() => {
    // The channel tab is the common case: fetch its code while the host answers and sign-in runs.
    const first = routeFrom(location);
    if (first.page === 'channel') preloadChannelTab();
    if (first.page === 'organizer') preloadOrganizer(first.section);
    return detectHost(props.detect);
  });
  useEffect(() => {
    let live = true;
    void startDetection().then((found) => {
      if (!live) return;
      if (found.kind === 'standalone') return setHost({ state: { phase: 'standalone' } });
      setTheme(found.sdk.context.theme);
      found.sdk.onThemeChange((next) => setTheme(next));
      return setHost({ state: { phase: 'teams', context: found.sdk.context }, sdk: found.sdk });
    });
    return () => {
      live = false;
    };
  }, []);

  const locale = host.state.phase === 'teams' ? host.state.context.locale : params.get('lang') ?? undefined;
  const language = languageOf(locale);
  const t = useMemo(() => translator(language), [language]);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const route = routeFrom(location, host.state.phase === 'teams' ? host.state.context.frameContext : undefined, host.state.phase === 'teams' ? host.state.context.meetingId : undefined);
  const loading = <StatusScreen busy message={t('common.loadingApp')} />;

  return (
    <FluentProvider theme={themeFor(theme)} className={styles.root}>
      <I18nProvider language={language}>
        <HostContext.Provider value={host}>
          {host.state.phase === 'starting' ? (
            loading
          ) : (
            <AuthGate inHost={host.state.phase === 'teams'} {...(props.fetch ? { fetch: props.fetch } : {})} {...(props.storage ? { storage: props.storage } : {})}>
              {route.page === 'channel' && route.unitId && <PrefetchChannel unitId={route.unitId} view={route.view} />}
              {route.page === 'organizer' && <PrefetchOrganizer section={route.section} />}
              <ViewErrorBoundary title={t('common.errorTitle')} message={t('common.errorBoundary')} retryLabel={t('common.retry')}>
                <Suspense fallback={loading}>
                  {route.page === 'config' ? <ConfigPage /> : route.page === 'myActions' ? <MyActions /> : route.page === 'organizer' ? <OrganizerPageEntry section={route.section} fallback={loading} /> : route.page === 'unitFeedback' ? <UnitFeedbackPage unitId={route.unitId} /> : route.page === 'unitYearWheel' ? <UnitYearWheelPage unitId={route.unitId} /> : route.page === 'meeting' ? <MeetingSurface surface={route.surface} {...(route.meetingId ? { meetingId: route.meetingId } : {})} {...(route.actionId ? { actionId: route.actionId } : {})} /> : route.page === 'unitChooser' ? <ChannelTab view="overview" choose /> : route.page === 'otherUnits' ? <OtherUnitsPage /> : <ChannelTab view={route.view} {...(route.unitId ? { unitId: route.unitId } : {})} />}
                </Suspense>
              </ViewErrorBoundary>
            </AuthGate>
          )}
          {route.page !== 'meeting' && <StatementsFooter />}
        </HostContext.Provider>
      </I18nProvider>
    </FluentProvider>
  );
}

import { Button, Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Suspense, lazy, useEffect, useMemo, useState } from 'react';
import type { Me, Setup } from '../../../src/contract';
import { prefetch, takePrefetched } from '../api/prefetch';
import { useSession } from '../auth/session';
import { ProblemBar } from '../components/problem-bar';
import { StatusScreen } from '../components/status-screen';
import { TabBar } from '../components/tab-bar';
import { ViewErrorBoundary } from '../components/view-error-boundary';
import { useLoad } from '../hooks/use-load';
import { useI18n } from '../i18n/i18n';
import { organizerViews, rememberInUrl, type OrganizerView } from '../route';
import { schoolYearOf } from '../util/dates';
import { NotSetUp } from '../views/not-set-up';
import type { MessageKey } from '../i18n/i18n';
import { OrganizerApi } from './organizer-api';
import { OrganizerContext } from './organizer-context';
import type { OrganizerSession } from './organizer-context';
import { ImportBanner } from './front/import-banner';
import { useImportNotice } from './front/use-import-notice';
import { RollupEntry } from './rollup/load-rollup';
import { recentSchoolYears } from './school-years';

const Indicators = lazy(() => import('./indicators/indicators-view'));
const Goals = lazy(() => import('./goals/organizer-goals-view'));
const Deficiencies = lazy(() => import('./deficiencies/organizer-deficiencies-view'));
const FeedbackView = lazy(() => import('./feedback/feedback-view'));
const YearWheel = lazy(() => import('./year-wheel/year-wheel-view'));
const Templates = lazy(() => import('./templates/templates-view'));
const ImportView = lazy(() => import('./import/import-view'));
const Report = lazy(() => import('./report/report-download'));
const Units = lazy(() => import('./units/units-view'));
const SetupGuide = lazy(() => import('./setup/setup-guide'));

/** The board reads: the roll-up, the goals, the deficiencies and the report, nothing it could write. */
const boardViews: readonly OrganizerView[] = ['rollup', 'goals', 'deficiencies', 'report'];
const labels = {
  rollup: 'organizer.tabRollup', indicators: 'organizer.tabIndicators', goals: 'common.goals', deficiencies: 'common.deficiencies', feedback: 'common.feedback', yearWheel: 'organizer.tabYearWheel', templates: 'organizer.tabTemplates', import: 'organizer.importResults', report: 'common.qualityReport',
  units: 'common.units', setup: 'setup.guideTab',
} as const satisfies Record<OrganizerView, MessageKey>;

const useStyles = makeStyles({
  header: {
    display: 'flex', alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXL}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  who: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  body: { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}` },
});

/** The caller's level: the administration edits, the board reads, anyone else may not. */
export function organizerAccess(me: Pick<Me, 'appRoles'>): 'edit' | 'read' | 'none' {
  if (me.appRoles.includes('Administration')) return 'edit';
  if (me.appRoles.includes('Board')) return 'read';
  return 'none';
}

/** The view the route asks for, if the caller may open it; otherwise the roll-up. */
function initialView(views: readonly OrganizerView[], asked: OrganizerView | undefined): OrganizerView {
  return views.find((v) => v === asked) ?? 'rollup';
}

/**
 * The organizer's tab (the administration's channel, or the personal tab): Sammanställning,
 * Enheter, Indikatorer, Mål, Brister, Återkoppling, Årshjul, Mallar, Importera resultat,
 * Kvalitetsrapport, Kom igång (the set-up guide, where an empty site starts). The board gets the
 * roll-up, the goals, the deficiencies and the report, read only.
 */
export default function OrganizerPage({ section }: { section?: OrganizerView }) {
  const { api } = useSession();
  const { t } = useI18n();
  // the first load takes what sign-in started (PrefetchOrganizer); a later one reads afresh
  const [me] = useLoad<Me>(() => takePrefetched('me', 'me') ?? api.me(), 'me');
  if (me.status === 'loading') return <StatusScreen busy message={t('common.loading')} />;
  if (me.status === 'error') return <StatusScreen title={t('common.errorTitle')}><ProblemBar error={me.error} /></StatusScreen>;
  const access = organizerAccess(me.data);
  if (access === 'none') return <StatusScreen title={t('organizer.notAllowedTitle')} message={t('organizer.notAllowed')} />;
  return <OrganizerStart canEdit={access === 'edit'} {...(section ? { section } : {})} />;
}

/** Before any unit is in use, the administration starts in the set-up guide; the board is told to wait. */
function OrganizerStart({ canEdit, section }: { canEdit: boolean; section?: OrganizerView }) {
  const { api } = useSession();
  const { t } = useI18n();
  const [setup] = useLoad<Setup>(() => takePrefetched('setup', 'setup') ?? api.call('GET /setup', {}), 'setup');
  // the front view waits for the imports' first answer: ask as soon as the role is known, beside the set-up
  useEffect(() => {
    if (canEdit && (section === undefined || section === 'rollup')) prefetch('imports', 'imports', () => new OrganizerApi(api).recentImports());
  }, [api, canEdit, section]);
  if (setup.status === 'loading') return <StatusScreen busy message={t('common.loading')} />;
  if (setup.status === 'error') return <StatusScreen title={t('common.errorTitle')}><ProblemBar error={setup.error} /></StatusScreen>;
  if (!setup.data.configured && !canEdit) return <NotSetUp inChannel={false} />;
  const start = section ?? (setup.data.configured ? undefined : 'setup');
  return <OrganizerTabs canEdit={canEdit} {...(start ? { section: start } : {})} />;
}

function OrganizerTabs({ canEdit, section }: { canEdit: boolean; section?: OrganizerView }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { api, name, switchPerson } = useSession();
  const views = canEdit ? organizerViews : boardViews;
  const years = useMemo(() => recentSchoolYears(), []);
  const [view, setView] = useState<OrganizerView>(() => initialView(views, section));
  const [schoolYear, setSchoolYear] = useState(years[0] ?? schoolYearOf());
  const [feedbackUnit, setFeedbackUnit] = useState<string | undefined>();
  const organizer = useMemo<OrganizerSession>(() => ({ api: new OrganizerApi(api), canEdit, schoolYear }), [api, canEdit, schoolYear]);
  const handleSelect = (next: OrganizerView) => {
    setView(next);
    rememberInUrl({ section: next });
  };
  const handleGiveFeedback = (unitId: string) => {
    setFeedbackUnit(unitId);
    handleSelect('feedback');
  };
  // the front view tells the administration about a running or failed import (the board may not see imports)
  const imports = useImportNotice(organizer.api, canEdit && view === 'rollup', () => takePrefetched('imports', 'imports'));
  const panelId = `organizer-panel-${view}`;
  const viewLoading = <StatusScreen busy message={t('common.loading')} />;
  return (
    <OrganizerContext.Provider value={organizer}>
      <header className={styles.header}>
        <Text as="h1" size={500} weight="semibold">{t(canEdit ? 'organizer.title' : 'common.boardRollup')}</Text>
        <div className={styles.who}>
          <Field label={t('common.schoolYear')} orientation="horizontal">
            <Select value={schoolYear} onChange={(_, data) => setSchoolYear(data.value)}>
              {years.map((year) => <option key={year} value={year}>{year}</option>)}
            </Select>
          </Field>
          {name && <Text size={200}>{t('common.signedInAs', { name })}</Text>}
          {switchPerson && <Button size="small" onClick={switchPerson}>{t('common.switchPerson')}</Button>}
        </div>
      </header>
      {!canEdit && <Text as="p" className={styles.body} role="note">{t('organizer.boardReadOnly')}</Text>}
      <nav aria-label={t('organizer.viewsLabel')}>
        <TabBar items={views.map((v) => ({ value: v, label: t(labels[v]), id: `organizer-tab-${v}` }))} selected={view} onSelect={handleSelect} panelId={panelId} />
      </nav>
      <main className={styles.body} id={panelId} role="tabpanel" aria-labelledby={`organizer-tab-${view}`}>
        <ViewErrorBoundary key={view} title={t('common.errorTitle')} message={t('common.errorBoundary')}>
          <Suspense fallback={viewLoading}>
            {/* the front view, shown from its preloaded chunk without a Suspense fallback, once the
                imports' first answer is in: a notice coming after the roll-up would push it down */}
            {view === 'rollup' && canEdit && <ImportBanner notice={imports.notice} onOpen={() => handleSelect('import')} />}
            {view === 'rollup' && (imports.settled ? <RollupEntry onGiveFeedback={canEdit ? handleGiveFeedback : undefined} fallback={viewLoading} /> : viewLoading)}
            {view === 'indicators' && canEdit && <Indicators />}
            {view === 'goals' && <Goals />}
            {view === 'deficiencies' && <Deficiencies />}
            {view === 'feedback' && canEdit && <FeedbackView {...(feedbackUnit ? { initialUnitId: feedbackUnit } : {})} />}
            {view === 'yearWheel' && canEdit && <YearWheel />}
            {view === 'templates' && canEdit && <Templates />}
            {view === 'import' && canEdit && <ImportView />}
            {view === 'report' && <Report />}
            {view === 'units' && canEdit && <Units />}
            {view === 'setup' && canEdit && <SetupGuide onOpen={handleSelect} />}
          </Suspense>
        </ViewErrorBoundary>
      </main>
    </OrganizerContext.Provider>
  );
}

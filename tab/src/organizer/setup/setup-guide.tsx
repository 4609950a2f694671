import { Badge, Button, Link, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { MouseEvent } from 'react';
import type { SetupStepState, Unit } from '../../../../src/contract';
import type { SetupStep } from '../../../../src/domain';
import { useSession } from '../../auth/session';
import { ProblemBar } from '../../components/problem-bar';
import { StatusScreen } from '../../components/status-screen';
import { useLoad } from '../../hooks/use-load';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/i18n';
import { organizerViews, pageViews, searchWith, type OrganizerView } from '../../route';
import { useOrganizer } from '../organizer-context';
import { UnitDialog } from '../units/unit-dialog';
import { UnitImport } from '../units/unit-import';
import { UnitsApi } from '../units/units-api';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1000px' },
  steps: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  step: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium,
  },
  heading: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

/**
 * Each step: its title, what to do, and where: the unit steps in place, the others in the organizer
 * section of that name (indicators, goals, year wheel), which the guide links to.
 */
const stepTexts = {
  units: { title: 'setup.stepUnits', intro: 'setup.stepUnitsIntro', count: 'setup.stepUnitsCount', section: 'units' },
  people: { title: 'setup.stepPeople', intro: 'setup.stepPeopleIntro', count: 'setup.stepPeopleCount', section: 'units' },
  indicators: { title: 'setup.stepIndicators', intro: 'setup.stepIndicatorsIntro', count: 'setup.stepIndicatorsCount', section: 'indicators' },
  goals: { title: 'setup.stepGoals', intro: 'setup.stepGoalsIntro', count: 'setup.stepGoalsCount', section: 'goals' },
  yearWheel: { title: 'setup.stepYearWheel', intro: 'setup.stepYearWheelIntro', count: 'setup.stepYearWheelCount', section: 'yearWheel' },
} as const satisfies Record<SetupStep, { title: MessageKey; intro: MessageKey; count: MessageKey; section: string }>;

function isOrganizerView(section: string): section is OrganizerView {
  return organizerViews.some((view) => view === section);
}

/** Units in use that lack a principal or a staff group: what the people step still asks for. */
export function unitsToStaff(units: readonly Unit[]): Unit[] {
  return units.filter((unit) => unit.archivedAt === undefined && (unit.principalIds.length === 0 || unit.staffGroupId === undefined))
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}

/**
 * Kom igång: the set-up guide. Each step says whether it is done, as the data says (never a stored
 * flag), and can be revisited: import the units from Skolverket's register, give each a principal
 * and a staff group from the directory, then the indicators, the school year's goals and areas, and
 * the year wheel in their own sections.
 */
export default function SetupGuide({ onOpen }: { onOpen?: (view: OrganizerView) => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { api: client } = useSession();
  const { schoolYear } = useOrganizer();
  const api = useMemo(() => new UnitsApi(client), [client]);
  const [data, reload] = useLoad(async () => {
    const [setup, units] = await Promise.all([api.setup(schoolYear), api.units()]);
    return { setup, units: units.items };
  }, schoolYear);
  const [editing, setEditing] = useState<Unit | null>(null);

  if (data.status === 'loading') return <StatusScreen as="div" busy message={t('common.loading')} />;
  if (data.status === 'error') return <ProblemBar error={data.error} />;
  const steps: readonly SetupStepState[] = data.data.setup.steps ?? [];
  const done = steps.filter((step) => step.done).length;
  const toStaff = unitsToStaff(data.data.units);

  const link = (section: string, label: string) => {
    const handleClick = (event: MouseEvent) => {
      if (!onOpen || !isOrganizerView(section)) return;
      event.preventDefault();
      onOpen(section);
    };
    return <Link href={searchWith(window.location.search, { view: pageViews.organizer, section })} onClick={handleClick}>{label}</Link>;
  };

  return (
    <div className={styles.root} data-testid="setup">
      <Text as="h2" size={500} weight="semibold">{t('setup.guideTitle')}</Text>
      <Text>{t('setup.guideIntro')}</Text>
      <ProgressBar value={steps.length > 0 ? done / steps.length : 0} max={1} aria-label={t('setup.guideProgress', { done, total: steps.length })} />
      <Text role="status">{t('setup.guideProgress', { done, total: steps.length })}</Text>
      <ol className={styles.steps}>
        {steps.map((state, index) => {
          const texts = stepTexts[state.step];
          return (
            <li key={state.step} className={styles.step} data-testid={`setup-step-${state.step}`} data-done={state.done}>
              <div className={styles.heading}>
                <Text as="h3" size={400} weight="semibold">{t('setup.stepHeading', { n: index + 1, title: t(texts.title) })}</Text>
                <Badge appearance={state.done ? 'filled' : 'outline'} color={state.done ? 'success' : 'informative'}>{state.done ? t('setup.stepDone') : t('setup.stepNotDone')}</Badge>
              </div>
              <Text>{t(texts.intro)}</Text>
              <Text size={200}>{t(texts.count, { count: state.count, total: state.total ?? state.count, schoolYear })}</Text>
              {state.step === 'units' && <UnitImport api={api} onImported={reload} />}
              {state.step === 'people' && toStaff.length > 0 && (
                <ul className={styles.list} aria-label={t('setup.stepPeopleMissing')}>
                  {toStaff.map((unit) => (
                    <li key={unit.id}>
                      <Button size="small" onClick={() => setEditing(unit)}>{t('setup.staffUnit', { name: unit.name })}</Button>
                    </li>
                  ))}
                </ul>
              )}
              <div>{link(texts.section, t('setup.openSection', { title: t(texts.title) }))}</div>
            </li>
          );
        })}
      </ol>
      {editing && <UnitDialog api={api} unit={editing} onSaved={() => { setEditing(null); reload(); }} onClose={() => setEditing(null)} />}
    </div>
  );
}

import { Card, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useDeferredValue, useMemo, useState } from 'react';
import { takePrefetched } from '../../api/prefetch';
import { ProblemBar } from '../../components/problem-bar';
import { StatusScreen } from '../../components/status-screen';
import { useLoad } from '../../hooks/use-load';
import { phases } from '../../../../src/domain/choices';
import { useOrganizer } from '../organizer-context';
import { useI18n } from '../../i18n/i18n';
import { CycleGrid } from './cycle-grid';
import { IndicatorComparison } from './indicator-comparison';
import { AreaList, DeficiencyList, FeedbackWaiting, OverdueList } from './rollup-lists';
import { RollupFilters } from './rollup-filters';
import { filterUnits, noFilter } from './unit-filter';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(340px, 1fr))', gap: tokens.spacingHorizontalL },
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  summary: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
});

/**
 * Sammanställning: the units chosen (by name, school form, area, phase, needing attention), each one's cycle, results against target, deficiencies, overdue actions,
 * common areas to develop and the feedback still owed. The board sees the same, without owners
 * (the server leaves them out) and without the button to give feedback.
 */
export default function RollupView({ onGiveFeedback }: { onGiveFeedback?: (unitId: string) => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { api, canEdit, schoolYear } = useOrganizer();
  // the first load takes the read sign-in started for this school year (PrefetchOrganizer)
  const [state] = useLoad(() => takePrefetched('rollup', schoolYear) ?? api.rollup(schoolYear), schoolYear);
  const [filter, setFilter] = useState(noFilter);
  const units = useMemo(() => (state.status === 'ready' ? filterUnits(state.data, filter) : []), [state, filter]);
  // What lies below the units' cycle (the comparison, the lists) renders just after the first
  // paint, as an interruptible transition: the table a user sees first does not wait for it.
  const belowTheFold = useDeferredValue(state.status === 'ready', false);
  if (state.status === 'loading') return <StatusScreen busy message={t('organizer.tabRollup')} />;
  if (state.status === 'error') return <ProblemBar error={state.error} />;
  const rollup = state.data;
  const names = new Map(rollup.units.map((u) => [u.unitId, u.name]));
  return (
    <div className={styles.root} data-testid="rollup">
      <RollupFilters rollup={rollup} filter={filter} shown={units.length} onChange={setFilter} />
      <section aria-labelledby="rollup-cycle" className={styles.card}>
        <Text as="h2" id="rollup-cycle" size={500} weight="semibold">{t('organizer.rollupCycle', { schoolYear: rollup.schoolYear })}</Text>
        <div className={styles.summary}>
          {phases.map((phase) => {
            const counts = rollup.phaseSummary[phase];
            return <Text key={phase} size={200}>{`${t(`vocab.phase.${phase}`)}: ${t('organizer.phaseSummary', counts)}`}</Text>;
          })}
        </div>
        <CycleGrid units={units} />
      </section>
      {belowTheFold && <>
      <section aria-labelledby="rollup-indicators" className={styles.card} data-testid="rollup-details">
        <Text as="h2" id="rollup-indicators" size={500} weight="semibold">{t('organizer.indicatorsTitle')}</Text>
        <Text>{t('organizer.indicatorsIntro')}</Text>
        <IndicatorComparison indicators={rollup.indicators} units={units} schoolYear={rollup.schoolYear} years={rollup.years} />
      </section>
      <div className={styles.grid}>
        <Card className={styles.card} aria-labelledby="rollup-feedback">
          <Text as="h2" id="rollup-feedback" size={500} weight="semibold">{t('common.feedback')}</Text>
          <FeedbackWaiting rollup={rollup} names={names} {...(canEdit && onGiveFeedback ? { onGiveFeedback } : {})} />
        </Card>
        <Card className={styles.card} aria-labelledby="rollup-overdue">
          <Text as="h2" id="rollup-overdue" size={500} weight="semibold">{t('organizer.overdueTitle')}</Text>
          <OverdueList rollup={rollup} names={names} />
        </Card>
        <Card className={styles.card} aria-labelledby="rollup-areas">
          <Text as="h2" id="rollup-areas" size={500} weight="semibold">{t('organizer.areasTitle')}</Text>
          <Text size={200}>{t('organizer.areasIntro')}</Text>
          <AreaList rollup={rollup} names={names} />
        </Card>
        <Card className={styles.card} aria-labelledby="rollup-deficiencies">
          <Text as="h2" id="rollup-deficiencies" size={500} weight="semibold">{t('organizer.deficienciesTitle')}</Text>
          <DeficiencyList rollup={rollup} names={names} />
        </Card>
      </div>
      </>}
    </div>
  );
}

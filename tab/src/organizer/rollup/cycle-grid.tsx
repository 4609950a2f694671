import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { memo, startTransition } from 'react';
import { phases } from '../../../../src/domain/choices';
import { useI18n } from '../../i18n/i18n';
import type { RollupUnit } from '../../../../src/contract';
import type { PhaseState } from '../../../../src/domain';
import { ScrollRegion } from '../../components/scroll-region';
import { ShowMore, useShowMore } from '../../components/show-more';
import { analysisStateKey, feedbackStateKey } from './unit-states';

const useStyles = makeStyles({
  table: { minWidth: '720px' },
  // The state is in the text; the mark beside it only repeats it for a quick scan.
  state: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  done: { color: tokens.colorPaletteGreenForeground1 },
  inProgress: { color: tokens.colorBrandForeground1 },
  notStarted: { color: tokens.colorNeutralForeground3 },
  caption: { textAlign: 'start', paddingBottom: tokens.spacingVerticalS, color: tokens.colorNeutralForeground2 },
});

const marks: Record<PhaseState, string> = { done: '●', inProgress: '◐', notStarted: '○' };

const rowsAtOnce = 50;

/** One unit's row; memoized, so showing 50 more rows renders those 50 and not the ones above them. */
const CycleRow = memo(function CycleRow({ unit }: { unit: RollupUnit }) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <TableRow data-unit={unit.unitId}>
      <TableCell><Text weight="semibold">{unit.name}</Text></TableCell>
      {phases.map((phase) => {
        const state = unit.cycle.phases[phase];
        return (
          <TableCell key={phase} data-phase={phase}>
            <span className={styles.state}>
              <span className={styles[state]} aria-hidden="true">{marks[state]}</span>
              <Text>{t(`vocab.phaseState.${state}`)}</Text>
            </span>
          </TableCell>
        );
      })}
      <TableCell>{t(analysisStateKey(unit.analysisStatus))}</TableCell>
      <TableCell data-feedback={unit.feedback}>{t(feedbackStateKey[unit.feedback])}</TableCell>
    </TableRow>
  );
});

/**
 * Units × phases of the school year, each cell in words (not colour alone), with the analysis and
 * feedback state: the first rows at once, more when asked (back to the first on a new choice of units).
 */
export function CycleGrid({ units }: { units: readonly RollupUnit[] }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { limit, more } = useShowMore(rowsAtOnce, units.map((u) => u.unitId).join(','));
  return (
    <>
    <ScrollRegion label={t('organizer.rollupCycleCaption')}>
      <Table className={styles.table} size="small" aria-describedby="cycle-caption">
        <caption id="cycle-caption" className={styles.caption}>{t('organizer.rollupCycleCaption')}</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('common.unit')}</TableHeaderCell>
            {phases.map((phase) => <TableHeaderCell key={phase} scope="col">{t(`vocab.phase.${phase}`)}</TableHeaderCell>)}
            <TableHeaderCell scope="col">{t('organizer.analysisStatus')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('common.feedback')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {units.slice(0, limit).map((unit) => <CycleRow key={unit.unitId} unit={unit} />)}
        </TableBody>
      </Table>
    </ScrollRegion>
    {/* 50 more rows render as a transition, in slices between frames: scrolling on stays smooth */}
    <ShowMore shown={Math.min(limit, units.length)} total={units.length} step={rowsAtOnce} onMore={() => startTransition(more)} what={t('organizer.cycleRows')} />
    </>
  );
}

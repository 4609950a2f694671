import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { analysisLabel, feedbackLabel, phaseOrder, phaseStateLabel } from '../labels';
import { useOrganizerText } from '../organizer-i18n';
import type { RollupUnit } from '../../../../src/contract';
import type { PhaseState } from '../../../../src/domain';

const useStyles = makeStyles({
  wrap: { overflowX: 'auto' },
  table: { minWidth: '720px' },
  // The state is in the text; the mark beside it only repeats it for a quick scan.
  state: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  done: { color: tokens.colorPaletteGreenForeground1 },
  inProgress: { color: tokens.colorBrandForeground1 },
  notStarted: { color: tokens.colorNeutralForeground3 },
  caption: { textAlign: 'start', paddingBottom: tokens.spacingVerticalS, color: tokens.colorNeutralForeground2 },
});

const marks: Record<PhaseState, string> = { done: '●', inProgress: '◐', notStarted: '○' };

/** Units × phases of the school year, each cell in words (not colour alone), with the analysis and feedback state. */
export function CycleGrid({ units }: { units: readonly RollupUnit[] }) {
  const styles = useStyles();
  const { t } = useOrganizerText();
  return (
    <div className={styles.wrap}>
      <Table className={styles.table} size="small" aria-describedby="cycle-caption">
        <caption id="cycle-caption" className={styles.caption}>{t('rollupCycleCaption')}</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('unit')}</TableHeaderCell>
            {phaseOrder.map((phase) => <TableHeaderCell key={phase.key} scope="col">{t(phase.label)}</TableHeaderCell>)}
            <TableHeaderCell scope="col">{t('analysis')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('feedbackColumn')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {units.map((unit) => (
            <TableRow key={unit.unitId} data-unit={unit.unitId}>
              <TableCell><Text weight="semibold">{unit.name}</Text></TableCell>
              {phaseOrder.map((phase) => {
                const state = unit.cycle.phases[phase.key];
                return (
                  <TableCell key={phase.key} data-phase={phase.key}>
                    <span className={styles.state}>
                      <span className={styles[state]} aria-hidden="true">{marks[state]}</span>
                      <Text>{t(phaseStateLabel[state])}</Text>
                    </span>
                  </TableCell>
                );
              })}
              <TableCell>{t(analysisLabel[unit.analysisStatus])}</TableCell>
              <TableCell data-feedback={unit.feedback}>{t(feedbackLabel[unit.feedback])}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

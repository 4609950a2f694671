import { makeStyles, tokens } from '@fluentui/react-components';
import { valueAxis } from '../../../src/domain/chart-axis';
import type { UnitOfMeasure } from '../../../src/domain/choices';
import { useI18n } from '../i18n/i18n';

const useStyles = makeStyles({
  axis: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1 },
  label: { fill: tokens.colorNeutralForeground2, fontSize: '11px' },
});

/** The room a chart leaves left of its plot for the value axis' labels. */
export const axisWidth = 44;

export interface ChartAxis {
  readonly min: number;
  readonly max: number;
  readonly ticks: readonly number[];
  /** a value's y coordinate between `top` and `bottom` */
  readonly y: (value: number) => number;
}

/** The value axis of a results chart (domain/chart-axis.ts: where it starts and ends) mapped onto the plot. */
export function chartAxis(unitOfMeasure: UnitOfMeasure, values: readonly number[], top: number, bottom: number): ChartAxis {
  const { min, max, ticks } = valueAxis(unitOfMeasure, values);
  return { min, max, ticks, y: (value) => bottom - ((value - min) / (max - min)) * (bottom - top) };
}

/** The drawn value axis: its line, its ticks and, above it, what it measures in (or `label`). */
export function ValueAxis({ axis, unitOfMeasure, top, bottom, label }: { axis: ChartAxis; unitOfMeasure: UnitOfMeasure; top: number; bottom: number; label?: string }) {
  const styles = useStyles();
  const { t, format } = useI18n();
  return (
    <g aria-hidden="true">
      <line className={styles.axis} x1={axisWidth} x2={axisWidth} y1={top} y2={bottom} />
      {axis.ticks.map((tick) => <text key={tick} className={styles.label} x={axisWidth - 4} y={axis.y(tick) + 4} textAnchor="end">{format.number(tick)}</text>)}
      <text className={styles.label} x={2} y={top - 8}>{label ?? t(`vocab.unitOfMeasure.${unitOfMeasure}`)}</text>
    </g>
  );
}

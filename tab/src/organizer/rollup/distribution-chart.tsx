import { makeStyles, tokens } from '@fluentui/react-components';
import type { IndicatorComparison } from '../../../../src/contract';
import { axisWidth, chartAxis, ValueAxis } from '../../components/value-axis';
import { useI18n } from '../../i18n/i18n';
import { bins } from './distribution';

const useStyles = makeStyles({
  svg: { width: '100%', maxWidth: '760px', height: 'auto' },
  bar: { fill: tokens.colorBrandBackground2, stroke: tokens.colorBrandForeground1, strokeWidth: 1 },
  chosenBar: { fill: tokens.colorBrandBackground, stroke: tokens.colorBrandForeground1, strokeWidth: 2 },
  target: { stroke: tokens.colorPaletteRedForeground1, strokeWidth: 2, strokeDasharray: '8 4' },
  average: { stroke: tokens.colorNeutralForeground1, strokeWidth: 2 },
  chosen: { stroke: tokens.colorBrandForeground1, strokeWidth: 3 },
  axis: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1 },
  label: { fill: tokens.colorNeutralForeground1, fontSize: '12px' },
});

const width = 760;
const height = 280;
const top = 40;
const bottom = height - 40;
const left = axisWidth + 8;
const right = width - 16;
const binCount = 12;

/**
 * One indicator over many units as a histogram: how many units fall in each range of values,
 * with the municipality's average, the target and the chosen unit as lines across it. The lines
 * differ in pattern and each is named in its own label, not by colour alone; the table beside it
 * holds every value.
 */
export function DistributionChart({ indicator, values, year, chosen }: {
  indicator: IndicatorComparison;
  values: readonly number[];
  year: string;
  chosen?: { readonly name: string; readonly value: number };
}) {
  const styles = useStyles();
  const { t, format } = useI18n();
  const average = indicator.averages[year];
  const marks = [...(indicator.target !== undefined ? [indicator.target] : []), ...(average !== undefined ? [average] : [])];
  const histogram = bins(values, binCount, marks);
  const low = histogram[0]?.from ?? 0;
  const high = histogram[histogram.length - 1]?.to ?? 1;
  const x = (value: number): number => left + ((value - low) / (high - low || 1)) * (right - left);
  const counts = chartAxis('count', histogram.map((bin) => bin.count), top, bottom);
  // units are counted whole
  const axis = { ...counts, ticks: counts.ticks.filter((tick) => Number.isInteger(tick)) };
  const line = (value: number, className: string, text: string, row: number) => (
    <g>
      <line className={className} x1={x(value)} x2={x(value)} y1={top - 4} y2={bottom} />
      <text className={styles.label} x={Math.min(Math.max(x(value), left + 150), right - 90)} y={12 + row * 13} textAnchor="middle">{text}</text>
    </g>
  );
  const label = `${t('organizer.distributionLabel', { name: indicator.name, schoolYear: year, count: values.length })}. ${[
    average !== undefined ? t('organizer.distributionAverage', { value: format.number(average, 1) }) : '',
    indicator.target !== undefined ? t('organizer.distributionTarget', { value: format.number(indicator.target, 1) }) : '',
    chosen ? t('organizer.distributionHighlighted', { name: chosen.name, value: format.number(chosen.value, 1) }) : '',
  ].filter(Boolean).join('. ')}`;
  return (
    <svg className={styles.svg} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <ValueAxis axis={axis} unitOfMeasure="count" top={top} bottom={bottom} label={t('organizer.distributionAxis')} />
      <line className={styles.axis} x1={left} x2={right} y1={bottom} y2={bottom} />
      {histogram.map((bin) => {
        const holdsChosen = chosen !== undefined && chosen.value >= bin.from && (chosen.value < bin.to || bin === histogram[histogram.length - 1]);
        return (
          <rect key={bin.from} className={holdsChosen ? styles.chosenBar : styles.bar} x={x(bin.from) + 1} width={Math.max(x(bin.to) - x(bin.from) - 2, 1)} y={axis.y(bin.count)} height={Math.max(bottom - axis.y(bin.count), bin.count > 0 ? 1 : 0)}>
            <title>{t('organizer.distributionBin', { from: format.number(bin.from, 1), to: format.number(bin.to, 1), count: bin.count })}</title>
          </rect>
        );
      })}
      {[low, (low + high) / 2, high].map((tick) => <text key={tick} className={styles.label} x={x(tick)} y={bottom + 16} textAnchor="middle">{format.number(tick, 1)}</text>)}
      <text className={styles.label} x={right} y={bottom + 32} textAnchor="end">{t(`vocab.unitOfMeasure.${indicator.unitOfMeasure}`)}</text>
      {average !== undefined && line(average, styles.average, t('organizer.distributionAverage', { value: format.number(average, 1) }), 0)}
      {indicator.target !== undefined && line(indicator.target, styles.target, t('organizer.distributionTarget', { value: format.number(indicator.target, 1) }), 1)}
      {chosen && line(chosen.value, styles.chosen, t('organizer.distributionHighlighted', { name: chosen.name, value: format.number(chosen.value, 1) }), 2)}
    </svg>
  );
}

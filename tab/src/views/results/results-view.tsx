import {
  Card, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { periodKinds } from '../../../../src/domain/period';
import { periodLabel } from '../../../../src/domain/vocabulary';
import { canEnterResults } from '../../auth/permissions';
import { useSession } from '../../auth/session';
import { ProblemBar } from '../../components/problem-bar';
import { StatusScreen } from '../../components/status-screen';
import { useLoad } from '../../hooks/use-load';
import { useI18n } from '../../i18n/i18n';
import { ResultsEntry } from './results-entry';
import { ValueAxis, axisWidth, chartAxis } from '../../components/value-axis';
import { mainKind, seriesOf, timeAxis } from './series';
import type { Series } from './series';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXL },
  root: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(360px, 100%), 1fr))', gap: tokens.spacingHorizontalL },
  svg: { width: '100%', height: 'auto', maxHeight: '220px' },
  line: { stroke: tokens.colorBrandForeground1, strokeWidth: 2, fill: 'none' },
  dot: { fill: tokens.colorBrandForeground1 },
  target: { stroke: tokens.colorPaletteGreenForeground1, strokeWidth: 1.5, strokeDasharray: '6 4' },
  axis: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1 },
  label: { fill: tokens.colorNeutralForeground2, fontSize: '11px' },
  group0: { stroke: tokens.colorPaletteBerryForeground1, strokeWidth: 1.5, fill: 'none', strokeDasharray: '2 3' },
  group1: { stroke: tokens.colorPaletteMarigoldForeground1, strokeWidth: 1.5, fill: 'none', strokeDasharray: '8 3 2 3' },
  group2: { stroke: tokens.colorPaletteTealForeground2, strokeWidth: 1.5, fill: 'none', strokeDasharray: '1 2' },
  groups: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, listStyleType: 'none', margin: 0, padding: 0 },
  swatch: { width: '24px', height: '8px', marginRight: tokens.spacingHorizontalXS },
  legend: { gridColumn: '1 / -1' },
  term: { stroke: tokens.colorBrandForeground1, strokeWidth: 1.5, fill: 'none', strokeDasharray: '4 2' },
  year: { stroke: tokens.colorNeutralForeground2, strokeWidth: 1.5, fill: 'none', strokeDasharray: '1 3' },
});

const width = 360;
const height = 180;
const pad = 24;

/** At most three groups are drawn (the table has them all); each with its own colour and dash. */
const drawnGroups = 3;

/**
 * Results over time: each point where its period lies (a month, a term or a school year), a line
 * through the points of each kind, and the groups along the kind that has most points.
 */
function Chart({ series, label }: { series: Series; label: string }) {
  const styles = useStyles();
  const { format } = useI18n();
  const groupClasses = [styles.group0, styles.group1, styles.group2];
  const kindClasses = { month: styles.line, term: styles.term, schoolYear: styles.year };
  const groups = series.groups.slice(0, drawnGroups);
  const main = mainKind(series);
  const values = [...series.points.map((p) => p.value), ...series.points.flatMap((p) => p.groups.filter((g) => groups.includes(g.group)).map((g) => g.value))];
  const target = series.indicator.target;
  // the value axis starts where the unit of measure starts (zero for percent), room below it for the periods
  const axis = chartAxis(series.indicator.unitOfMeasure, target === undefined ? values : [...values, target], pad, height - pad);
  const y = axis.y;
  const when = timeAxis(series.points.map((p) => p.period));
  const x = (period: string) => axisWidth + 12 + when(period) * (width - axisWidth - 12 - pad);
  const line = (points: readonly { period: string; value: number }[]) => points.map((p, k) => `${k === 0 ? 'M' : 'L'}${x(p.period).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  // many points: label every value would crowd the chart, so only the first and the last then
  const labelled = (i: number) => series.points.length <= 8 || i === 0 || i === series.points.length - 1;
  return (
    <svg className={styles.svg} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <ValueAxis axis={axis} unitOfMeasure={series.indicator.unitOfMeasure} top={pad} bottom={height - pad} />
      <line className={styles.axis} x1={axisWidth} x2={width - pad} y1={height - pad} y2={height - pad} />
      {target !== undefined && <line className={styles.target} x1={axisWidth} x2={width - pad} y1={y(target)} y2={y(target)} />}
      {groups.map((group, g) => {
        const points = series.points.filter((p) => p.kind === main).flatMap((p) => {
          const value = p.groups.find((x) => x.group === group)?.value;
          return value === undefined ? [] : [{ period: p.period, value }];
        });
        return <path key={group} className={groupClasses[g]} d={line(points)} />;
      })}
      {periodKinds.map((kind) => <path key={kind} className={kindClasses[kind]} d={line(series.points.filter((p) => p.kind === kind))} />)}
      {series.points.map((p, i) => (
        <g key={p.period}>
          <circle className={styles.dot} cx={x(p.period)} cy={y(p.value)} r={p.kind === 'month' ? 2.5 : 3.5} />
          {labelled(i) && <text className={styles.label} x={x(p.period)} y={y(p.value) - 8} textAnchor="middle">{format.number(p.value)}</text>}
          {labelled(i) && <text className={styles.label} x={x(p.period)} y={height - 6} textAnchor="middle">{periodLabel(p.period, format)}</text>}
        </g>
      ))}
    </svg>
  );
}

function GroupLegend({ groups }: { groups: string[] }) {
  const styles = useStyles();
  const groupClasses = [styles.group0, styles.group1, styles.group2];
  return (
    <ul className={styles.groups}>
      {groups.map((group, g) => (
        <li key={group}>
          <svg className={styles.swatch} viewBox="0 0 24 8" aria-hidden="true"><line className={groupClasses[g]} x1={0} x2={24} y1={4} y2={4} /></svg>
          <Text size={200}>{group}</Text>
        </li>
      ))}
    </ul>
  );
}

/**
 * Resultat: the grid where the unit's principals and staff enter results, then each indicator over
 * time against its target, as a chart with a table alternative.
 */
export default function ResultsView({ unitId }: { unitId: string }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { api } = useSession();
  const [state, reload] = useLoad(async () => {
    const [me, unit, indicators, measurements] = await Promise.all([api.me(), api.unit(unitId), api.indicators(), api.measurements(unitId)]);
    return { me, unit, indicators: indicators.items, measurements: measurements.items };
  }, unitId);
  if (state.status === 'loading') return <StatusScreen as="div" busy message={t('common.loading')} />;
  if (state.status === 'error') return <ProblemBar error={state.error} />;
  const { me, unit, indicators, measurements } = state.data;
  const all = seriesOf(indicators, measurements);
  return (
    <div className={styles.page} data-testid="results">
      {canEnterResults(me, unitId) && <ResultsEntry unit={unit} indicators={indicators} measurements={measurements} onSaved={reload} />}
      <section aria-labelledby="results-over-time" className={styles.root}>
        <Text as="h2" id="results-over-time" className={styles.legend} size={500} weight="semibold">{t('channel.resultsOverTime')}</Text>
        {all.length === 0 ? <Text className={styles.legend}>{t('common.noResultsYet')}</Text> : <Text className={styles.legend} size={200}>{t('channel.resultsLegend')}</Text>}
        <ResultCharts all={all} />
      </section>
    </div>
  );
}

function ResultCharts({ all }: { all: readonly Series[] }) {
  const { t, format } = useI18n();
  return (
    <>
      {all.map((series) => {
        const target = series.indicator.target;
        const headingId = `ind-${series.indicator.id}`;
        return (
          <Card key={series.indicator.id} aria-labelledby={headingId}>
            <Text as="h3" id={headingId} size={400} weight="semibold">{series.indicator.name}</Text>
            <Chart series={series} label={t('channel.resultsChartLabel', { indicator: series.indicator.name, target: format.number(target) })} />
            {series.groups.length > 0 && <GroupLegend groups={series.groups.slice(0, drawnGroups)} />}
            <Table size="small" aria-label={`${series.indicator.name}: ${t('channel.resultsTable')}`}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('common.period')}</TableHeaderCell>
                  <TableHeaderCell>{t('common.value')}</TableHeaderCell>
                  <TableHeaderCell>{t('common.target')}</TableHeaderCell>
                  {series.groups.map((g) => <TableHeaderCell key={g}>{g}</TableHeaderCell>)}
                </TableRow>
              </TableHeader>
              <TableBody>
                {series.points.map((p) => (
                  <TableRow key={p.period}>
                    <TableCell>{periodLabel(p.period, format)}</TableCell>
                    <TableCell>{format.number(p.value)}</TableCell>
                    <TableCell>{format.number(target)}</TableCell>
                    {series.groups.map((g) => <TableCell key={g}>{format.number(p.groups.find((x) => x.group === g)?.value)}</TableCell>)}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Card>
        );
      })}
    </>
  );
}

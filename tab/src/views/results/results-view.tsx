import {
  Card, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { useSession } from '../../auth/session';
import { ProblemBar } from '../../components/problem-bar';
import { StatusScreen } from '../../components/status-screen';
import { useLoad } from '../../hooks/use-load';
import { useI18n } from '../../i18n/i18n';
import { scale, seriesOf } from './series';
import type { Series } from './series';

const useStyles = makeStyles({
  root: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(360px, 1fr))', gap: tokens.spacingHorizontalL },
  svg: { width: '100%', height: 'auto', maxHeight: '220px' },
  line: { stroke: tokens.colorBrandForeground1, strokeWidth: 2, fill: 'none' },
  dot: { fill: tokens.colorBrandForeground1 },
  target: { stroke: tokens.colorPaletteGreenForeground1, strokeWidth: 1.5, strokeDasharray: '6 4' },
  axis: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1 },
  label: { fill: tokens.colorNeutralForeground2, fontSize: '11px' },
  legend: { gridColumn: '1 / -1' },
});

const width = 360;
const height = 180;
const pad = 24;

function Chart({ series, label }: { series: Series; label: string }) {
  const styles = useStyles();
  const values = series.points.map((p) => p.value);
  const target = series.indicator.target;
  // Room below the lowest point for the period labels.
  const y = scale(target === undefined ? values : [...values, target], height - pad, pad);
  const step = series.points.length > 1 ? (width - 2 * pad) / (series.points.length - 1) : 0;
  const x = (i: number) => pad + i * step;
  const path = series.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  return (
    <svg className={styles.svg} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <line className={styles.axis} x1={pad} x2={width - pad} y1={height - pad} y2={height - pad} />
      {target !== undefined && <line className={styles.target} x1={pad} x2={width - pad} y1={y(target)} y2={y(target)} />}
      <path className={styles.line} d={path} />
      {series.points.map((p, i) => (
        <g key={p.period}>
          <circle className={styles.dot} cx={x(i)} cy={y(p.value)} r={3.5} />
          <text className={styles.label} x={x(i)} y={y(p.value) - 8} textAnchor="middle">{p.value}</text>
          <text className={styles.label} x={x(i)} y={height - 6} textAnchor="middle">{p.period.slice(2)}</text>
        </g>
      ))}
    </svg>
  );
}

/** Resultat: each indicator over time against its target, as a chart with a table alternative. */
export default function ResultsView({ unitId }: { unitId: string }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { api } = useSession();
  const [state] = useLoad(async () => {
    const [indicators, measurements] = await Promise.all([api.indicators(), api.measurements(unitId)]);
    return seriesOf(indicators.items, measurements.items);
  }, unitId);
  if (state.status === 'loading') return <StatusScreen as="div" busy message={t('loading')} />;
  if (state.status === 'error') return <ProblemBar error={state.error} />;
  if (state.data.length === 0) return <Text>{t('resultsEmpty')}</Text>;
  return (
    <div className={styles.root} data-testid="results">
      <Text className={styles.legend} size={200}>{t('resultsLegend')}</Text>
      {state.data.map((series) => {
        const target = series.indicator.target;
        const headingId = `ind-${series.indicator.id}`;
        return (
          <Card key={series.indicator.id} aria-labelledby={headingId}>
            <Text as="h2" id={headingId} size={400} weight="semibold">{series.indicator.name}</Text>
            <Chart series={series} label={t('resultsChartLabel', { indicator: series.indicator.name, target: target ?? '–' })} />
            <Table size="small" aria-label={`${series.indicator.name}: ${t('resultsTable')}`}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('resultsPeriod')}</TableHeaderCell>
                  <TableHeaderCell>{t('resultsValue')}</TableHeaderCell>
                  <TableHeaderCell>{t('resultsTarget')}</TableHeaderCell>
                  {series.groups.map((g) => <TableHeaderCell key={g}>{g}</TableHeaderCell>)}
                </TableRow>
              </TableHeader>
              <TableBody>
                {series.points.map((p) => (
                  <TableRow key={p.period}>
                    <TableCell>{p.period}</TableCell>
                    <TableCell>{p.value}</TableCell>
                    <TableCell>{target ?? '–'}</TableCell>
                    {series.groups.map((g) => <TableCell key={g}>{p.groups.find((x) => x.group === g)?.value ?? '–'}</TableCell>)}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Card>
        );
      })}
    </div>
  );
}

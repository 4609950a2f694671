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
  group0: { stroke: tokens.colorPaletteBerryForeground1, strokeWidth: 1.5, fill: 'none', strokeDasharray: '2 3' },
  group1: { stroke: tokens.colorPaletteMarigoldForeground1, strokeWidth: 1.5, fill: 'none', strokeDasharray: '8 3 2 3' },
  group2: { stroke: tokens.colorPaletteTealForeground2, strokeWidth: 1.5, fill: 'none', strokeDasharray: '1 2' },
  groups: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, listStyleType: 'none', margin: 0, padding: 0 },
  swatch: { width: '24px', height: '8px', marginRight: tokens.spacingHorizontalXS },
  legend: { gridColumn: '1 / -1' },
});

const width = 360;
const height = 180;
const pad = 24;

/** At most three groups are drawn (the table has them all); each with its own colour and dash. */
const drawnGroups = 3;

function Chart({ series, label }: { series: Series; label: string }) {
  const styles = useStyles();
  const { format } = useI18n();
  const groupClasses = [styles.group0, styles.group1, styles.group2];
  const groups = series.groups.slice(0, drawnGroups);
  const values = [...series.points.map((p) => p.value), ...series.points.flatMap((p) => p.groups.filter((g) => groups.includes(g.group)).map((g) => g.value))];
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
      {groups.map((group, g) => {
        const points = series.points.map((p, i) => ({ i, value: p.groups.find((x) => x.group === group)?.value })).filter((p): p is { i: number; value: number } => p.value !== undefined);
        const d = points.map((p, k) => `${k === 0 ? 'M' : 'L'}${x(p.i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
        return <path key={group} className={groupClasses[g]} d={d} />;
      })}
      <path className={styles.line} d={path} />
      {series.points.map((p, i) => (
        <g key={p.period}>
          <circle className={styles.dot} cx={x(i)} cy={y(p.value)} r={3.5} />
          <text className={styles.label} x={x(i)} y={y(p.value) - 8} textAnchor="middle">{format.number(p.value)}</text>
          <text className={styles.label} x={x(i)} y={height - 6} textAnchor="middle">{p.period.slice(2)}</text>
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

/** Resultat: each indicator over time against its target, as a chart with a table alternative. */
export default function ResultsView({ unitId }: { unitId: string }) {
  const styles = useStyles();
  const { t, format } = useI18n();
  const { api } = useSession();
  const [state] = useLoad(async () => {
    const [indicators, measurements] = await Promise.all([api.indicators(), api.measurements(unitId)]);
    return seriesOf(indicators.items, measurements.items);
  }, unitId);
  if (state.status === 'loading') return <StatusScreen as="div" busy message={t('common.loading')} />;
  if (state.status === 'error') return <ProblemBar error={state.error} />;
  if (state.data.length === 0) return <Text>{t('common.noResultsYet')}</Text>;
  return (
    <div className={styles.root} data-testid="results">
      <Text className={styles.legend} size={200}>{t('channel.resultsLegend')}</Text>
      {state.data.map((series) => {
        const target = series.indicator.target;
        const headingId = `ind-${series.indicator.id}`;
        return (
          <Card key={series.indicator.id} aria-labelledby={headingId}>
            <Text as="h2" id={headingId} size={400} weight="semibold">{series.indicator.name}</Text>
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
                    <TableCell>{p.period}</TableCell>
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
    </div>
  );
}

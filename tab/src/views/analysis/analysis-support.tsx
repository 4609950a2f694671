import {
  Button, Card, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import type { AnalysisSupport } from '../../../../src/contract';
import type { Deviation } from '../../../../src/domain/analysis-support';
import type { UnitType } from '../../../../src/domain/choices';
import { periodLabel } from '../../../../src/domain/vocabulary';
import { useSession } from '../../auth/session';
import { ProblemBar } from '../../components/problem-bar';
import { ValueAxis, axisWidth, chartAxis } from '../../components/value-axis';
import { StatusScreen } from '../../components/status-screen';
import { useLoad } from '../../hooks/use-load';
import { useI18n } from '../../i18n/i18n';
import { timeAxis } from '../results/series';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  svg: { width: '100%', height: 'auto', maxHeight: '220px' },
  line: { stroke: tokens.colorBrandForeground1, strokeWidth: 2, fill: 'none' },
  dot: { fill: tokens.colorBrandForeground1 },
  target: { stroke: tokens.colorPaletteGreenForeground1, strokeWidth: 1.5, strokeDasharray: '6 4' },
  average: { stroke: tokens.colorNeutralForeground2, strokeWidth: 1.5, strokeDasharray: '2 3' },
  label: { fill: tokens.colorNeutralForeground2, fontSize: '11px' },
  axis: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1 },
  questions: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  question: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  table: { overflowX: 'auto' },
});

type IndicatorSupport = AnalysisSupport['indicators'][number];

const width = 360;
const height = 180;
const pad = 20;

/** The unit's values over time with the target and the same type's average, on an axis that starts where the unit of measure starts. */
function SupportChart({ support }: { support: IndicatorSupport }) {
  const styles = useStyles();
  const { t, format } = useI18n();
  const { indicator, series, sameType } = support;
  const axis = chartAxis(indicator.unitOfMeasure, [...series.map((p) => p.value), ...(indicator.target !== undefined ? [indicator.target] : []), ...(sameType ? [sameType.average] : [])], pad, height - pad);
  const when = timeAxis(series.map((p) => p.period));
  const x = (period: string) => axisWidth + 8 + when(period) * (width - axisWidth - 8 - pad);
  const path = series.map((p, k) => `${k === 0 ? 'M' : 'L'}${x(p.period).toFixed(1)},${axis.y(p.value).toFixed(1)}`).join(' ');
  return (
    <svg className={styles.svg} viewBox={`0 0 ${width} ${height}`} role="img"
      aria-label={t('channel.supportChartLabel', { indicator: indicator.name, unit: t(`vocab.unitOfMeasure.${indicator.unitOfMeasure}`), min: format.number(axis.min), max: format.number(axis.max) })}>
      <ValueAxis axis={axis} unitOfMeasure={indicator.unitOfMeasure} top={pad} bottom={height - pad} />
      <line className={styles.axis} x1={axisWidth} x2={width - pad} y1={height - pad} y2={height - pad} />
      {indicator.target !== undefined && <line className={styles.target} x1={axisWidth} x2={width - pad} y1={axis.y(indicator.target)} y2={axis.y(indicator.target)} />}
      {sameType && <line className={styles.average} x1={axisWidth} x2={width - pad} y1={axis.y(sameType.average)} y2={axis.y(sameType.average)} />}
      <path className={styles.line} d={path} />
      {series.map((p, i) => (
        <g key={p.period}>
          <circle className={styles.dot} cx={x(p.period)} cy={axis.y(p.value)} r={3} />
          {/* many periods: the first and the last are named, the table has them all */}
          {(series.length <= 6 || i === 0 || i === series.length - 1) && <text className={styles.label} x={x(p.period)} y={height - 4} textAnchor="middle">{periodLabel(p.period, format)}</text>}
        </g>
      ))}
    </svg>
  );
}

/** A deviation as the question the analysis should answer, in the user's language. */
function useQuestion(): (support: IndicatorSupport, deviation: Deviation, unitType: UnitType) => string {
  const { t, format } = useI18n();
  return ({ indicator }, deviation, unitType) => {
    const name = indicator.name;
    switch (deviation.kind) {
      case 'worseThanLast': return t('channel.supportWorseThanLast', { indicator: name, previous: periodLabel(deviation.previousPeriod, format) });
      case 'belowTarget': return t('channel.supportBelowTarget', { indicator: name, target: format.number(indicator.target) });
      case 'gapGrew': {
        const [a, b] = deviation.between;
        const words = { indicator: name, a, b, before: format.number(deviation.previousGap), after: format.number(deviation.gap) };
        return b === '' ? t('channel.supportGroupGapGrew', words) : t('channel.supportGapGrew', words);
      }
      case 'belowSameType': return t('channel.supportBelowSameType', { indicator: name, type: t(`vocab.unitType.${unitType}`) });
    }
  };
}

/**
 * Stöd för analysen: beside each linked result, what an analyst looks for, and the deviations that
 * stand out as questions; a question can be added to the analysis of causes as a heading to answer.
 */
export function AnalysisSupportPanel(props: {
  unitId: string; unitType: UnitType; period: string; indicatorIds: readonly string[]; causes: string; onAsk?: (question: string) => void;
}) {
  const styles = useStyles();
  const { t, format } = useI18n();
  const { api } = useSession();
  const question = useQuestion();
  const [state] = useLoad(() => api.analysisSupport(props.unitId, props.period), `${props.unitId}|${props.period}`);
  const type = t(`vocab.unitType.${props.unitType}`);
  let body;
  if (state.status === 'loading') body = <StatusScreen as="div" busy message={t('common.loading')} />;
  else if (state.status === 'error') body = <ProblemBar error={state.error} />;
  else {
    const shown = state.data.indicators.filter((s) => props.indicatorIds.includes(s.indicator.id));
    body = shown.length === 0 ? <Text>{t('channel.supportNoneLinked')}</Text> : shown.map((support) => {
      const { indicator, current, sameType, municipality, koladaMunicipality } = support;
      const headingId = `support-${indicator.id}`;
      const asked = support.deviations.map((d) => question(support, d, props.unitType));
      return (
        <Card key={indicator.id} className={styles.card} aria-labelledby={headingId} data-testid="analysis-support-indicator">
          <Text as="h4" id={headingId} size={400} weight="semibold">{indicator.name}</Text>
          <SupportChart support={support} />
          <Text size={200}>{t('channel.supportLegend')}</Text>
          <div className={styles.table} role="region" tabIndex={0} aria-label={t('channel.supportComparison', { indicator: indicator.name })}>
            <Table size="small" aria-label={t('channel.supportComparison', { indicator: indicator.name })}>
              <TableBody>
                {current && <TableRow><TableHeaderCell scope="row">{t('channel.supportThisUnit', { period: periodLabel(current.period, format) })}</TableHeaderCell><TableCell>{format.number(current.value)}</TableCell></TableRow>}
                {indicator.target !== undefined && <TableRow><TableHeaderCell scope="row">{t('common.target')}</TableHeaderCell><TableCell>{format.number(indicator.target)}</TableCell></TableRow>}
                {sameType && <TableRow><TableHeaderCell scope="row">{t('channel.supportSameType', { type, units: sameType.units })}</TableHeaderCell><TableCell>{format.number(sameType.average)}</TableCell></TableRow>}
                {municipality && <TableRow><TableHeaderCell scope="row">{t('channel.supportMunicipality', { units: municipality.units })}</TableHeaderCell><TableCell>{format.number(municipality.average)}</TableCell></TableRow>}
                {koladaMunicipality !== undefined && <TableRow><TableHeaderCell scope="row">{t('common.koladaMunicipality')}</TableHeaderCell><TableCell>{format.number(koladaMunicipality)}</TableCell></TableRow>}
              </TableBody>
            </Table>
          </div>
          <ValuesTable support={support} />
          {asked.length === 0 ? <Text>{t('channel.supportNothingStandsOut', { indicator: indicator.name })}</Text> : (
            <section aria-label={`${t('channel.supportQuestions')}: ${indicator.name}`}>
              <Text weight="semibold">{t('channel.supportQuestions')}</Text>
              <ul className={styles.questions}>
                {asked.map((text) => (
                  <li key={text} className={styles.question}>
                    <Text>{text}</Text>
                    {props.onAsk && (props.causes.includes(text)
                      ? <Text size={200}>{t('channel.supportAsked')}</Text>
                      : <Button size="small" onClick={() => props.onAsk?.(text)} aria-label={`${t('channel.supportAsk')}: ${text}`}>{t('channel.supportAsk')}</Button>)}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </Card>
      );
    });
  }
  return (
    <section className={styles.root} aria-labelledby="analysis-support" data-testid="analysis-support">
      <Text as="h3" id="analysis-support" size={400} weight="semibold">{t('channel.supportTitle')}</Text>
      <Text size={200}>{t('channel.supportIntro')}</Text>
      {body}
    </section>
  );
}

/** The chart's values as a table: each period with its groups. */
function ValuesTable({ support }: { support: IndicatorSupport }) {
  const styles = useStyles();
  const { t, format } = useI18n();
  const groups = [...new Set(support.series.flatMap((p) => (p.groups ?? []).map((g) => g.group)))];
  const label = t('channel.supportValues', { indicator: support.indicator.name });
  return (
    <div className={styles.table} role="region" tabIndex={0} aria-label={label}>
      <Table size="small" aria-label={label}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('common.period')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('common.value')}</TableHeaderCell>
            {groups.map((g) => <TableHeaderCell key={g} scope="col">{g}</TableHeaderCell>)}
          </TableRow>
        </TableHeader>
        <TableBody>
          {support.series.map((p) => (
            <TableRow key={p.period}>
              <TableCell>{periodLabel(p.period, format)}</TableCell>
              <TableCell>{format.number(p.value)}</TableCell>
              {groups.map((g) => <TableCell key={g}>{format.number(p.groups?.find((x) => x.group === g)?.value)}</TableCell>)}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

import {
  Field, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens, useId,
} from '@fluentui/react-components';
import { memo, startTransition, useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import type { IndicatorComparison as Comparison, RollupUnit, UnitResult } from '../../../../src/contract';
import type { Translate } from '../../i18n/i18n';
import { ScrollRegion } from '../../components/scroll-region';
import { ShowMore, useShowMore } from '../../components/show-more';
import { DistributionChart } from './distribution-chart';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  pickers: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))', gap: tokens.spacingHorizontalM },
  // a long name is cut short in the closed list rather than widening the page
  select: { minWidth: 0 },
});

const rowsAtOnce = 50;

function targetText(result: UnitResult, t: Translate): string {
  if (result.meetsTarget === undefined) return t('organizer.unknownTarget');
  return t(result.meetsTarget ? 'organizer.meetsTarget' : 'organizer.missesTarget');
}

function trendText(result: UnitResult, t: Translate): string {
  if (!result.trend) return '';
  return t(result.trend === 'better' ? 'organizer.trendBetter' : result.trend === 'worse' ? 'organizer.trendWorse' : 'organizer.trendSame');
}

/** One unit's values over the years; memoized, so 50 more rows render those 50 only. */
const ValueRow = memo(function ValueRow({ result, name, years }: { result: UnitResult; name: string; years: string }) {
  const { t, format } = useI18n();
  return (
    <TableRow data-unit={result.unitId}>
      <TableCell>{name}</TableCell>
      {years.split(',').map((year) => <TableCell key={year}>{format.number(result.values[year], 1)}</TableCell>)}
      <TableCell>{targetText(result, t)}{result.trend ? `, ${trendText(result, t)}` : ''}</TableCell>
    </TableRow>
  );
});

/**
 * One indicator across the units chosen (how their values are distributed, against the
 * municipality's average and the target, one unit highlighted) and over the years (the table,
 * its first rows at once and more when asked).
 */
export function IndicatorComparison({ indicators, units, schoolYear, years }: { indicators: readonly Comparison[]; units: readonly RollupUnit[]; schoolYear: string; years: readonly string[] }) {
  const styles = useStyles();
  const { t, format } = useI18n();
  const selectId = useId('indicator');
  const highlightId = useId('highlight');
  const [chosen, setChosen] = useState(indicators[0]?.indicatorId ?? '');
  const [highlighted, setHighlighted] = useState('');
  const indicator = indicators.find((i) => i.indicatorId === chosen) ?? indicators[0];
  const shown = new Set(units.map((u) => u.unitId));
  const rows = indicator?.units.filter((result) => shown.has(result.unitId)) ?? [];
  const { limit, more } = useShowMore(rowsAtOnce, `${indicator?.indicatorId ?? ''}|${[...shown].join(',')}`);
  if (!indicator) return <Text>{t('organizer.noIndicators')}</Text>;
  const names = new Map(units.map((u) => [u.unitId, u.name]));
  const shownYears = [...years].sort();
  const yearsKey = shownYears.join(',');
  const withValue = rows.filter((result) => result.values[schoolYear] !== undefined);
  const highlight = withValue.find((result) => result.unitId === highlighted);
  const highlightValue = highlight?.values[schoolYear];
  const municipality = indicator.municipality;
  return (
    <div className={styles.root}>
      <div className={styles.pickers}>
        <Field label={t('common.indicator')}>
          <Select id={selectId} className={styles.select} value={indicator.indicatorId} onChange={(_, data) => setChosen(data.value)}>
            {indicators.map((i) => <option key={i.indicatorId} value={i.indicatorId}>{i.name}</option>)}
          </Select>
        </Field>
        <Field label={t('organizer.distributionHighlight')}>
          <Select id={highlightId} className={styles.select} value={highlight ? highlighted : ''} onChange={(_, data) => setHighlighted(data.value)}>
            <option value="">{t('organizer.distributionNoHighlight')}</option>
            {withValue.map((result) => <option key={result.unitId} value={result.unitId}>{names.get(result.unitId) ?? result.unitId}</option>)}
          </Select>
        </Field>
      </div>
      <Text role="status">
        {indicator.target === undefined ? t('organizer.noTarget') : `${t('common.target')}: ${format.number(indicator.target, 1)}. `}
        {indicator.target !== undefined && t('organizer.meetingTargetCount', { count: indicator.meetingTarget, total: indicator.withValue })}
      </Text>
      <DistributionChart
        indicator={indicator}
        values={withValue.map((result) => result.values[schoolYear] ?? 0)}
        year={schoolYear}
        {...(highlight && highlightValue !== undefined ? { chosen: { name: names.get(highlight.unitId) ?? highlight.unitId, value: highlightValue } } : {})}
      />
      <ScrollRegion label={`${indicator.name}: ${t('organizer.tableAlternative')}`}>
        <Table size="small" aria-label={`${indicator.name}: ${t('organizer.tableAlternative')}`}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('common.unit')}</TableHeaderCell>
              {shownYears.map((year) => <TableHeaderCell key={year} scope="col">{year}</TableHeaderCell>)}
              <TableHeaderCell scope="col">{t('common.target')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            <TableRow>
              <TableCell><Text weight="semibold">{t('organizer.average')}</Text></TableCell>
              {shownYears.map((year) => <TableCell key={year}>{format.number(indicator.averages[year], 1)}</TableCell>)}
              <TableCell>{format.number(indicator.target, 1)}</TableCell>
            </TableRow>
            {municipality && (
              // the municipality's own value as Kolada publishes it, beside the average computed from the units
              <TableRow data-municipality="kolada">
                <TableCell><Text weight="semibold">{t('common.koladaMunicipality')}</Text></TableCell>
                {shownYears.map((year) => <TableCell key={year}>{format.number(municipality[year], 1)}</TableCell>)}
                <TableCell>{format.number(indicator.target, 1)}</TableCell>
              </TableRow>
            )}
            {rows.slice(0, limit).map((result) => <ValueRow key={result.unitId} result={result} name={names.get(result.unitId) ?? result.unitId} years={yearsKey} />)}
          </TableBody>
        </Table>
      </ScrollRegion>
      <ShowMore shown={Math.min(limit, rows.length)} total={rows.length} step={rowsAtOnce} onMore={() => startTransition(more)} what={t('organizer.valueRows')} />
    </div>
  );
}

import {
  Field, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens, useId,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import type { IndicatorComparison as Comparison, RollupUnit, UnitResult } from '../../../../src/contract';
import { barScale } from './chart-scale';
import type { Translate } from '../../i18n/i18n';
import { ScrollRegion } from '../../components/scroll-region';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  svg: { width: '100%', maxWidth: '760px', height: 'auto' },
  bar: { fill: tokens.colorBrandBackground },
  barMiss: { fill: tokens.colorNeutralBackground1, stroke: tokens.colorBrandForeground1, strokeWidth: 2 },
  target: { stroke: tokens.colorPaletteRedForeground1, strokeWidth: 2, strokeDasharray: '8 4' },
  axis: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1 },
  label: { fill: tokens.colorNeutralForeground1, fontSize: '12px' },
  // a long indicator name is cut short in the closed list rather than widening the page
  select: { minWidth: 0 },
  legend: { color: tokens.colorNeutralForeground2 },
});

const width = 760;
const height = 260;
const top = 24;
const bottom = height - 56;

function Bars({ indicator, names, year }: { indicator: Comparison; names: Map<string, string>; year: string }) {
  const styles = useStyles();
  const { t, format } = useI18n();
  const rows = indicator.units.filter((u) => u.values[year] !== undefined);
  const values = rows.map((u) => u.values[year] ?? 0);
  const y = barScale(indicator.target === undefined ? values : [...values, indicator.target], top, bottom);
  const slot = rows.length > 0 ? (width - 40) / rows.length : 0;
  const label = indicator.target === undefined
    ? t('organizer.chartLabelNoTarget', { name: indicator.name, schoolYear: year })
    : t('organizer.chartLabel', { name: indicator.name, schoolYear: year, target: format.number(indicator.target, 1) });
  return (
    <svg className={styles.svg} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <line className={styles.axis} x1={20} x2={width - 20} y1={bottom} y2={bottom} />
      {rows.map((row, i) => {
        const value = row.values[year] ?? 0;
        const x = 20 + i * slot + slot * 0.15;
        const w = slot * 0.7;
        // Missing the target is drawn hollow as well as said in the table: not colour alone.
        return (
          <g key={row.unitId}>
            <rect className={row.meetsTarget === false ? styles.barMiss : styles.bar} x={x} width={w} y={y(value)} height={Math.max(bottom - y(value), 1)} />
            <text className={styles.label} x={x + w / 2} y={y(value) - 6} textAnchor="middle">{format.number(value, 1)}</text>
            <text className={styles.label} x={x + w / 2} y={bottom + 16} textAnchor="middle">{shortName(names.get(row.unitId) ?? row.unitId)}</text>
          </g>
        );
      })}
      {indicator.target !== undefined && (
        <g>
          <line className={styles.target} x1={20} x2={width - 20} y1={y(indicator.target)} y2={y(indicator.target)} />
          <text className={styles.label} x={width - 20} y={y(indicator.target) - 6} textAnchor="end">{`${t('common.target')} ${format.number(indicator.target, 1)}`}</text>
        </g>
      )}
    </svg>
  );
}

function shortName(name: string): string {
  return name.length > 16 ? `${name.slice(0, 15)}…` : name;
}

function targetText(result: UnitResult, t: Translate): string {
  if (result.meetsTarget === undefined) return t('organizer.unknownTarget');
  return t(result.meetsTarget ? 'organizer.meetsTarget' : 'organizer.missesTarget');
}

function trendText(result: UnitResult, t: Translate): string {
  if (!result.trend) return '';
  return t(result.trend === 'better' ? 'organizer.trendBetter' : result.trend === 'worse' ? 'organizer.trendWorse' : 'organizer.trendSame');
}

/** One indicator across units (bars against the target) and over the years (the table). */
export function IndicatorComparison({ indicators, units, schoolYear, years }: { indicators: readonly Comparison[]; units: readonly RollupUnit[]; schoolYear: string; years: readonly string[] }) {
  const styles = useStyles();
  const { t, format } = useI18n();
  const selectId = useId('indicator');
  const [chosen, setChosen] = useState(indicators[0]?.indicatorId ?? '');
  const indicator = indicators.find((i) => i.indicatorId === chosen) ?? indicators[0];
  if (!indicator) return <Text>{t('organizer.noIndicators')}</Text>;
  const names = new Map(units.map((u) => [u.unitId, u.name]));
  const shownYears = [...years].sort();
  return (
    <div className={styles.root}>
      <Field label={t('common.indicator')}>
        <Select id={selectId} className={styles.select} value={indicator.indicatorId} onChange={(_, data) => setChosen(data.value)}>
          {indicators.map((i) => <option key={i.indicatorId} value={i.indicatorId}>{i.name}</option>)}
        </Select>
      </Field>
      <Text role="status">
        {indicator.target === undefined ? t('organizer.noTarget') : `${t('common.target')}: ${format.number(indicator.target, 1)}. `}
        {indicator.target !== undefined && t('organizer.meetingTargetCount', { count: indicator.meetingTarget, total: indicator.withValue })}
      </Text>
      <Bars indicator={indicator} names={names} year={schoolYear} />
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
            {indicator.units.map((result) => (
              <TableRow key={result.unitId}>
                <TableCell>{names.get(result.unitId) ?? result.unitId}</TableCell>
                {shownYears.map((year) => <TableCell key={year}>{format.number(result.values[year], 1)}</TableCell>)}
                <TableCell>{targetText(result, t)}{result.trend ? `, ${trendText(result, t)}` : ''}</TableCell>
              </TableRow>
            ))}
            <TableRow>
              <TableCell><Text weight="semibold">{t('organizer.average')}</Text></TableCell>
              {shownYears.map((year) => <TableCell key={year}>{format.number(indicator.averages[year], 1)}</TableCell>)}
              <TableCell>{format.number(indicator.target, 1)}</TableCell>
            </TableRow>
          </TableBody>
        </Table>
      </ScrollRegion>
    </div>
  );
}

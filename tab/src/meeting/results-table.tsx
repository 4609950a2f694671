import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import type { Indicator, Measurement } from '../../../src/contract';
import { useI18n } from '../i18n/i18n';

/** Results as a table (indicator, period, value, target): readable by screen readers and on a stage. */
export function ResultsTable(props: { measurements: readonly Measurement[]; indicators: readonly Indicator[]; size?: 'large' | 'normal' }) {
  const { t, format } = useI18n();
  if (props.measurements.length === 0) return <Text>{t('common.noResultsYet')}</Text>;
  const names = new Map(props.indicators.map((indicator) => [indicator.id, indicator]));
  const textSize = props.size === 'large' ? 600 : 300;
  return (
    <Table size={props.size === 'large' ? 'medium' : 'small'}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell><Text size={textSize} weight="semibold">{t('common.indicator')}</Text></TableHeaderCell>
          <TableHeaderCell><Text size={textSize} weight="semibold">{t('common.period')}</Text></TableHeaderCell>
          <TableHeaderCell><Text size={textSize} weight="semibold">{t('common.value')}</Text></TableHeaderCell>
          <TableHeaderCell><Text size={textSize} weight="semibold">{t('common.target')}</Text></TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.measurements.map((measurement) => {
          const indicator = names.get(measurement.indicatorId);
          return (
            <TableRow key={measurement.id}>
              <TableCell><Text size={textSize}>{indicator?.name ?? measurement.indicatorId}</Text></TableCell>
              <TableCell><Text size={textSize}>{measurement.period}</Text></TableCell>
              <TableCell><Text size={textSize}>{format.number(measurement.value)}</Text></TableCell>
              <TableCell><Text size={textSize}>{indicator?.target !== undefined ? format.number(indicator.target) : ''}</Text></TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

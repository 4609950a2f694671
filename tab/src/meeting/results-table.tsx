import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import type { Indicator, Measurement } from '../../../src/contract';
import { useMeetingText } from './meeting-text';

/** Results as a table (indicator, period, value, target): readable by screen readers and on a stage. */
export function ResultsTable(props: { measurements: readonly Measurement[]; indicators: readonly Indicator[]; size?: 'large' | 'normal' }) {
  const { language, mt } = useMeetingText();
  if (props.measurements.length === 0) return <Text>{mt('stageResultsEmpty')}</Text>;
  const names = new Map(props.indicators.map((indicator) => [indicator.id, indicator]));
  const number = new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'sv-SE', { maximumFractionDigits: 2 });
  const textSize = props.size === 'large' ? 600 : 300;
  return (
    <Table size={props.size === 'large' ? 'medium' : 'small'}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell><Text size={textSize} weight="semibold">{mt('indicator')}</Text></TableHeaderCell>
          <TableHeaderCell><Text size={textSize} weight="semibold">{mt('period')}</Text></TableHeaderCell>
          <TableHeaderCell><Text size={textSize} weight="semibold">{mt('value')}</Text></TableHeaderCell>
          <TableHeaderCell><Text size={textSize} weight="semibold">{mt('target')}</Text></TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.measurements.map((measurement) => {
          const indicator = names.get(measurement.indicatorId);
          return (
            <TableRow key={measurement.id}>
              <TableCell><Text size={textSize}>{indicator?.name ?? measurement.indicatorId}</Text></TableCell>
              <TableCell><Text size={textSize}>{measurement.period}</Text></TableCell>
              <TableCell><Text size={textSize}>{number.format(measurement.value)}</Text></TableCell>
              <TableCell><Text size={textSize}>{indicator?.target !== undefined ? number.format(indicator.target) : ''}</Text></TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

import { Checkbox, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { deficiencySources, deficiencyStatuses } from '../../../../src/domain/choices';
import type { DeficiencyFilter } from '../../api/client';
import { useI18n } from '../../i18n/i18n';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: tokens.spacingHorizontalL },
});

/** The register's filters: source, status, past the deadline, without an action. */
export function DeficiencyFilters({ filter, onChange }: { filter: DeficiencyFilter; onChange: (filter: DeficiencyFilter) => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const without = <K extends keyof DeficiencyFilter>(key: K): DeficiencyFilter => {
    const { [key]: _dropped, ...rest } = filter;
    return rest;
  };
  return (
    <div className={styles.bar} role="group" aria-label={t('channel.actionsFilter')}>
      <Field label={t('common.source')}>
        <Select value={filter.source ?? ''} onChange={(_, d) => {
          const source = deficiencySources.find((s) => s === d.value);
          onChange(source ? { ...filter, source } : without('source'));
        }}>
          <option value="">{t('channel.filterAll')}</option>
          {deficiencySources.map((s) => <option key={s} value={s}>{t(`vocab.deficiencySource.${s}`)}</option>)}
        </Select>
      </Field>
      <Field label={t('common.status')}>
        <Select value={filter.status ?? ''} onChange={(_, d) => {
          const status = deficiencyStatuses.find((s) => s === d.value);
          onChange(status ? { ...filter, status } : without('status'));
        }}>
          <option value="">{t('channel.filterAll')}</option>
          {deficiencyStatuses.map((s) => <option key={s} value={s}>{t(`vocab.deficiencyStatus.${s}`)}</option>)}
        </Select>
      </Field>
      <Checkbox label={t('channel.filterPastDeadline')} checked={filter.overdue === true} onChange={(_, d) => onChange(d.checked === true ? { ...filter, overdue: true } : without('overdue'))} />
      <Checkbox label={t('channel.filterWithoutAction')} checked={filter.withoutAction === true} onChange={(_, d) => onChange(d.checked === true ? { ...filter, withoutAction: true } : without('withoutAction'))} />
    </div>
  );
}

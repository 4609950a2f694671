import { Button, Checkbox, Field, SearchBox, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Rollup } from '../../../../src/contract';
import { phases, unitTypes, type Phase, type UnitType } from '../../../../src/domain/choices';
import { useI18n } from '../../i18n/i18n';
import { isFiltered, noFilter, type UnitFilter } from './unit-filter';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  fields: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))', gap: tokens.spacingHorizontalM },
  // long choices are cut short in the closed list rather than widening the page
  select: { minWidth: 0 },
  summary: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

const isUnitType = (value: string): value is UnitType => (unitTypes as readonly string[]).includes(value);
const isPhase = (value: string): value is Phase => (phases as readonly string[]).includes(value);

/** The roll-up's choice of units: search, school form, area, phase and "needs attention", and how many it leaves. */
export function RollupFilters({ rollup, filter, shown, onChange }: { rollup: Rollup; filter: UnitFilter; shown: number; onChange: (filter: UnitFilter) => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const types = unitTypes.filter((type) => rollup.units.some((u) => u.type === type));
  const set = (change: Partial<UnitFilter>) => onChange({ ...filter, ...change });
  return (
    <section aria-labelledby="rollup-filter" className={styles.root}>
      <Text as="h2" id="rollup-filter" size={500} weight="semibold">{t('organizer.filterTitle')}</Text>
      <div className={styles.fields}>
        <Field label={t('organizer.filterSearch')}>
          <SearchBox value={filter.search} onChange={(_, data) => set({ search: data.value })} />
        </Field>
        <Field label={t('organizer.filterType')}>
          <Select className={styles.select} value={filter.type ?? ''} onChange={(_, data) => set({ type: isUnitType(data.value) ? data.value : undefined })}>
            <option value="">{t('common.allTypes')}</option>
            {types.map((type) => <option key={type} value={type}>{t(`vocab.unitType.${type}`)}</option>)}
          </Select>
        </Field>
        <Field label={t('organizer.filterArea')}>
          <Select className={styles.select} value={filter.area ?? ''} onChange={(_, data) => set({ area: data.value === '' ? undefined : data.value })}>
            <option value="">{t('organizer.filterAllAreas')}</option>
            {rollup.commonAreasToDevelop.map((area) => <option key={area.area} value={area.area}>{`${area.area} (${area.count})`}</option>)}
          </Select>
        </Field>
        <Field label={t('organizer.filterPhase')}>
          <Select className={styles.select} value={filter.phase ?? ''} onChange={(_, data) => set({ phase: isPhase(data.value) || data.value === 'turned' ? data.value : undefined })}>
            <option value="">{t('organizer.filterAllPhases')}</option>
            {phases.map((phase) => <option key={phase} value={phase}>{t(`vocab.phase.${phase}`)}</option>)}
            <option value="turned">{t('organizer.filterTurned')}</option>
          </Select>
        </Field>
      </div>
      <Checkbox checked={filter.needsAttention} onChange={(_, data) => set({ needsAttention: data.checked === true })} label={t('organizer.filterAttention')} />
      <div className={styles.summary}>
        <Text role="status">{shown === 0 ? t('organizer.filterNone') : t('organizer.filterShown', { shown, total: rollup.units.length })}</Text>
        {isFiltered(filter) && <Button appearance="secondary" onClick={() => onChange(noFilter)}>{t('organizer.filterClear')}</Button>}
      </div>
    </section>
  );
}

import { Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { OtherUnitsSearch } from '../../api/client';
import { useSession } from '../../auth/session';
import { ProblemBar } from '../../components/problem-bar';
import { StatusScreen } from '../../components/status-screen';
import { useLoad } from '../../hooks/use-load';
import { useI18n } from '../../i18n/i18n';
import { CommonAreas } from './common-areas';
import { UnitWork } from './unit-work';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '960px' },
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: tokens.spacingHorizontalL },
  field: { minWidth: 0, maxWidth: '100%' },
  units: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

/** A search with one value changed: "" clears it. */
function withValue(search: OtherUnitsSearch, key: keyof OtherUnitsSearch, value: string): OtherUnitsSearch {
  const { [key]: _dropped, ...rest } = search;
  return value === '' ? rest : { ...rest, [key]: value };
}

/**
 * Andra enheter: principals learn from each other. Every other unit's submitted analyses, actions
 * and how they went, searched by focus area and indicator, and the municipality's common areas
 * with who works on each. Read only; the server shows no drafts and asks the policy (units.learn).
 */
export default function OtherUnitsView() {
  const styles = useStyles();
  const { t } = useI18n();
  const { api } = useSession();
  const [search, setSearch] = useState<OtherUnitsSearch>({});
  const [state] = useLoad(() => api.otherUnits(search), JSON.stringify(search));
  const searching = search.focusAreaId !== undefined || search.indicatorId !== undefined;
  // a search shows the units with something that matches; without one, every other unit
  const units = state.status === 'ready' ? state.data.units : [];
  const shown = searching ? units.filter((unit) => unit.analyses.length > 0 || unit.actions.length > 0) : units;

  return (
    <div className={styles.root} data-testid="other-units">
      <Text as="h2" size={500} weight="semibold">{t('otherUnits.title')}</Text>
      <Text as="p">{t('otherUnits.intro')}</Text>
      <Text as="p" size={200}>{t('otherUnits.readOnly')}</Text>
      {state.status === 'loading' && <StatusScreen as="div" busy message={t('common.loading')} />}
      {state.status === 'error' && <ProblemBar error={state.error} />}
      {state.status === 'ready' && (
        <>
          <div className={styles.bar} role="search" aria-label={t('otherUnits.search')}>
            <Field className={styles.field} label={t('common.schoolYear')}>
              {/* the focus areas are the year's: another year's search starts from all of them */}
              <Select value={state.data.schoolYear} onChange={(_, d) => setSearch(withValue(withValue(search, 'focusAreaId', ''), 'schoolYear', d.value))}>
                {state.data.schoolYears.map((year) => <option key={year} value={year}>{year}</option>)}
              </Select>
            </Field>
            <Field className={styles.field} label={t('vocab.goalLevel.focusArea')}>
              <Select value={search.focusAreaId ?? ''} onChange={(_, d) => setSearch(withValue(search, 'focusAreaId', d.value))}>
                <option value="">{t('otherUnits.allFocusAreas')}</option>
                {state.data.focusAreas.map((area) => <option key={area.focusAreaId} value={area.focusAreaId}>{area.title}</option>)}
              </Select>
            </Field>
            <Field className={styles.field} label={t('common.indicator')}>
              <Select value={search.indicatorId ?? ''} onChange={(_, d) => setSearch(withValue(search, 'indicatorId', d.value))}>
                <option value="">{t('otherUnits.allIndicators')}</option>
                {state.data.indicators.map((indicator) => <option key={indicator.indicatorId} value={indicator.indicatorId}>{indicator.name}</option>)}
              </Select>
            </Field>
          </div>
          <CommonAreas data={state.data} />
          <section className={styles.units} aria-label={t('otherUnits.units')}>
            {shown.length === 0 ? <Text as="p" role="status">{t('otherUnits.noMatch')}</Text> : shown.map((unit) => <UnitWork key={unit.unitId} unit={unit} />)}
          </section>
        </>
      )}
    </div>
  );
}

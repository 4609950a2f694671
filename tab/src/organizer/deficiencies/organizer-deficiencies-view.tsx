import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { DeficiencyFilter } from '../../api/client';
import { ProblemBar } from '../../components/problem-bar';
import { StatusScreen } from '../../components/status-screen';
import { useLoad } from '../../hooks/use-load';
import { useI18n } from '../../i18n/i18n';
import { DeficiencyFilters } from '../../views/deficiencies/deficiency-filters';
import { DeficiencyList } from '../../views/deficiencies/deficiency-list';
import { useOrganizer } from '../organizer-context';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/**
 * Brister at the organizer's level: every unit's deficiencies with their actions, filtered by
 * source, status, past the deadline or without an action. The units record and close them.
 */
export default function OrganizerDeficienciesView() {
  const styles = useStyles();
  const { t } = useI18n();
  const { api } = useOrganizer();
  const [filter, setFilter] = useState<DeficiencyFilter>({ status: 'open' });
  const [state] = useLoad(async () => {
    const [register, unitNames] = await Promise.all([api.deficiencies(filter), api.unitNames()]);
    return { entries: register.items, unitNames };
  }, JSON.stringify(filter));
  return (
    <div className={styles.root} data-testid="organizer-deficiencies">
      <Text as="h2" size={500} weight="semibold">{t('organizer.deficienciesTitle')}</Text>
      <Text>{t('organizer.deficienciesIntro')}</Text>
      <DeficiencyFilters filter={filter} onChange={setFilter} />
      {state.status === 'loading' && <StatusScreen as="div" busy message={t('common.loading')} />}
      {state.status === 'error' && <ProblemBar error={state.error} />}
      {state.status === 'ready' && <DeficiencyList entries={state.data.entries} unitNames={state.data.unitNames} />}
    </div>
  );
}

import { makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import type { Me } from '../../../src/contract';
import { useSession } from '../auth/session';
import { ProblemBar } from '../components/problem-bar';
import { StatusScreen } from '../components/status-screen';
import { useLoad } from '../hooks/use-load';
import { useI18n } from '../i18n/i18n';
import { schoolYearOf } from '../util/dates';
import { OrganizerApi } from './organizer-api';
import { OrganizerContext } from './organizer-context';
import type { OrganizerSession } from './organizer-context';
import YearWheelView from './year-wheel/year-wheel-view';

const useStyles = makeStyles({
  root: { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}` },
});

/** Whether the caller writes a unit's own activities: its principal (the server checks unit.edit). */
export function mayEditUnitWheel(me: Pick<Me, 'units'>, unitId: string): boolean {
  return me.units.some((u) => u.unitId === unitId && u.roles.includes('principal'));
}

/**
 * A unit's year wheel (`?view=year-wheel&unitId=`): the municipality's activities, inherited, and
 * the unit's own, which its principal adds, edits and deletes.
 */
export default function UnitYearWheelPage({ unitId }: { unitId: string }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { api } = useSession();
  const [me] = useLoad<Me>(() => api.me(), 'me');
  const organizerApi = useMemo(() => new OrganizerApi(api), [api]);
  const canEdit = me.status === 'ready' && mayEditUnitWheel(me.data, unitId);
  const session = useMemo<OrganizerSession>(() => ({ api: organizerApi, canEdit, schoolYear: schoolYearOf() }), [organizerApi, canEdit]);
  if (me.status === 'loading') return <StatusScreen busy message={t('common.loading')} />;
  if (me.status === 'error') return <StatusScreen title={t('common.errorTitle')}><ProblemBar error={me.error} /></StatusScreen>;
  return (
    <OrganizerContext.Provider value={session}>
      <main className={styles.root}>
        <YearWheelView unitId={unitId} />
      </main>
    </OrganizerContext.Provider>
  );
}

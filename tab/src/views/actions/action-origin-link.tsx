import { Link, Text } from '@fluentui/react-components';
import type { Action } from '../../../../src/contract';
import { useI18n } from '../../i18n/i18n';
import { searchWith } from '../../route';
import { originViews } from './action-origin';

/**
 * Where an action comes from, with a link to the view that shows it (the analysis, the meeting,
 * the deficiency), and the goal it works towards, with a link to the goals. `label` names the
 * record when the caller knows it. The links open the action's unit (Mina åtgärder spans units); (an analysis' period, a meeting's title).
 */
export function ActionOriginLink({ action, label, goalTitle }: { action: Pick<Action, 'unitId' | 'originKind' | 'goalId'>; label?: string | undefined; goalTitle?: string | undefined }) {
  const { t } = useI18n();
  const search = typeof window === 'undefined' ? '' : window.location.search;
  const origin = `${t(`vocab.originKind.${action.originKind}`)}${label ? `: ${label}` : ''}`;
  return (
    <Text size={200}>
      {t('vocab.term.origin')}:{' '}
      <Link href={searchWith(search, { view: originViews[action.originKind], unitId: action.unitId })} aria-label={t('channel.originOf', { origin })}>{origin}</Link>
      {action.goalId && goalTitle ? (
        <>{' · '}{t('common.goal')}: <Link href={searchWith(search, { view: 'goals', unitId: action.unitId })}>{goalTitle}</Link></>
      ) : null}
    </Text>
  );
}

import { useMemo } from 'react';
import type { UnitPerson } from '../../../src/contract';
import { useSession } from '../auth/session';
import { ownerOptions, type OwnerOption } from '../util/owner-options';
import { useLoad } from './use-load';

/**
 * The owner picker's choices: the people a view already offers plus the unit's principals and
 * staff from the API. Until the unit's people arrive, or if they cannot be read, the offered
 * people are the choices.
 */
export function useOwnerOptions(unitId: string, offered: readonly { id: string; name: string }[]): OwnerOption[] {
  const { api } = useSession();
  const [unitPeople] = useLoad<readonly UnitPerson[]>(async () => (await api.people(unitId)).items, unitId);
  const loaded = unitPeople.status === 'ready' ? unitPeople.data : undefined;
  return useMemo(() => ownerOptions(offered, loaded ?? []), [offered, loaded]);
}

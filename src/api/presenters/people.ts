import type { UnitPeople } from '../../contract';
import type { UnitPerson } from '../../services/people-service';

/** `GET /units/:unitId/people`: who an action of the unit can be assigned to. */
export function presentPeople(people: readonly UnitPerson[]): UnitPeople {
  return { items: people };
}

import type { UnitPeople } from '../../contract';
import { presentPeople } from '../presenters/people';
import { sendJson } from '../reply';
import { callerOf, param, type RouteDeps, type RouteTable } from '../route';

/** Who an action of the unit can be assigned to: its principals and its staff group's members. */
export function peopleRoutes(routes: RouteTable, { services }: RouteDeps): void {
  routes.add('get', '/units/:unitId/people', 'unit.read', async (req, res) => {
    sendJson<UnitPeople>(res, presentPeople(await services.people.ofUnit(callerOf(res), param(req, 'unitId'))));
  });
}

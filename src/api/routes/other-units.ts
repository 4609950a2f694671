import { z } from 'zod';
import type { OtherUnits } from '../../contract';
import { itemId, schoolYear } from '../../domain';
import { presentOtherUnits } from '../presenters/other-units';
import { sendJson } from '../reply';
import { callerOf, type RouteDeps, type RouteTable } from '../route';
import { parseQuery } from '../validate';

const OtherUnitsQuery = z.object({ schoolYear: schoolYear.optional(), focusAreaId: itemId.optional(), indicatorId: itemId.optional() });

/** Andra enheter: what principals learn from each other (units.learn). */
export function otherUnitsRoutes(routes: RouteTable, { services }: RouteDeps): void {
  routes.add('get', '/other-units', 'units.learn', async (req, res) => {
    const query = parseQuery(OtherUnitsQuery, req.query);
    const { schoolYear: year, focusAreaId, indicatorId } = query;
    sendJson<OtherUnits>(res, presentOtherUnits(await services.otherUnits.read(callerOf(res), {
      ...(year !== undefined ? { schoolYear: year } : {}),
      ...(focusAreaId !== undefined ? { focusAreaId } : {}),
      ...(indicatorId !== undefined ? { indicatorId } : {}),
    })));
  });
}

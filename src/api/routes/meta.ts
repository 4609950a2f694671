import { unitRoles } from '../../auth/policy';
import { membershipOf } from '../../services/unit-access';
import { sendJson } from '../reply';
import { callerOf, type RouteDeps, type RouteTable } from '../route';

/** What the tab needs to sign in (no secrets): public. */
export interface PublicConfig {
  readonly mode: 'local' | 'm365';
  readonly clientId?: string;
  readonly tenantId?: string;
  readonly authority?: string;
  readonly apiScope?: string;
  readonly devIdp?: { readonly tokenUrl: string; readonly personasUrl: string };
}

export function metaRoutes(routes: RouteTable, deps: RouteDeps, publicConfig: () => PublicConfig): void {
  routes.add('get', '/config', 'public', async (_req, res) => {
    sendJson(res, publicConfig());
  });

  routes.add('get', '/me', 'me.read', async (_req, res) => {
    const caller = callerOf(res);
    const units = await deps.services.access.visibleUnits(caller);
    const mine = units
      .map((unit) => {
        const roles = unitRoles(caller, membershipOf(unit));
        return { unitId: unit.id, name: unit.fields.name, roles: (['principal', 'staff'] as const).filter((role) => roles.has(role)) };
      })
      .filter((unit) => unit.roles.length > 0);
    sendJson(res, { userId: caller.userId, name: caller.name, appRoles: caller.appRoles, units: mine });
  });
}

import { z } from 'zod';
import { unitPersonRoles } from './units';
import { listOf } from './item';

/** `GET /config` (public): what the tab needs to sign in, and no secrets. */
export const PublicConfigSchema = z.strictObject({
  mode: z.enum(['local', 'm365']),
  clientId: z.string().min(1).optional(),
  tenantId: z.string().min(1).optional(),
  authority: z.string().min(1).optional(),
  apiScope: z.string().min(1).optional(),
  /** local mode: the dev identity provider's endpoints */
  devIdp: z.strictObject({ tokenUrl: z.string().min(1), personasUrl: z.string().min(1) }).optional(),
  /** whether units can be fetched from Skolverket's school-unit register here (otherwise from its JSON as a file) */
  schoolUnitRegister: z.boolean(),
});
export type PublicConfig = z.infer<typeof PublicConfigSchema>;

/** `GET /me`: the signed-in user, their app roles and the units they lead or work in. */
export const MeSchema = z.strictObject({
  userId: z.string().min(1),
  name: z.string(),
  appRoles: listOf(z.enum(['Administration', 'Board'])),
  units: listOf(z.strictObject({ unitId: z.string().min(1), name: z.string(), roles: listOf(z.enum(unitPersonRoles)) })),
});
export type Me = z.infer<typeof MeSchema>;

/** A demo person of local mode, as the dev identity provider lists them (`GET /dev-idp/personas`). */
export const DevPersonaSchema = z.strictObject({
  id: z.string().min(1),
  userId: z.string().min(1),
  name: z.string().min(1),
  title: z.string(),
  roleDescription: z.string(),
});
export type DevPersona = z.infer<typeof DevPersonaSchema>;
export const DevPersonasSchema = listOf(DevPersonaSchema);

/** `POST /dev-idp/token`: a token for a demo person. */
export const DevTokenSchema = z.strictObject({
  access_token: z.string().min(1),
  token_type: z.literal('Bearer'),
  expires_in: z.number().int().positive(),
});
export type DevToken = z.infer<typeof DevTokenSchema>;

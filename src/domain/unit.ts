import { z } from 'zod';
import { objectId } from './common';
import { title } from './text';
import { unitTypes } from './choices';

/** A school unit or preschool unit (skolenhet, förskoleenhet), led by its principal. */
export const UnitSchema = z.strictObject({
  name: title,
  type: z.enum(unitTypes),
  /** Skolverket's skolenhetskod: 8 digits */
  schoolUnitCode: z.string().regex(/^\d{8}$/, 'skolenhetskoden har 8 siffror'),
  /** Entra object ids of the unit's principals */
  principalIds: z.array(objectId).max(10),
  /** the Entra group of the unit's staff */
  staffGroupId: objectId.optional(),
  /** the Teams channel the unit is bound to */
  teamId: z.string().min(1).max(255).optional(),
  channelId: z.string().min(1).max(255).optional(),
});
export type Unit = z.infer<typeof UnitSchema>;

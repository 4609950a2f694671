import { z } from 'zod';
import { isoDateTime, objectId } from './common';
import { ruleMessages } from './messages';
import { title } from './text';
import { unitTypes } from './choices';

/** Skolverket's skolenhetskod: 8 digits. */
export const schoolUnitCode = z.string().regex(/^\d{8}$/, ruleMessages.schoolUnitCode.sv);

/**
 * Kolada's id of an organisational unit (a school, a preschool): V, two digits for the kind of
 * unit, E, then the municipality code and five digits, as in "V15E144001301".
 */
export const koladaUnitId = z.string().regex(/^V\d{2}E\d{9}$/, ruleMessages.koladaUnitId.sv);

/** A school unit or preschool unit (skolenhet, förskoleenhet), led by its principal. */
export const UnitSchema = z.strictObject({
  name: title,
  type: z.enum(unitTypes),
  /** unique: two units never share one */
  schoolUnitCode,
  /** Entra object ids of the unit's principals */
  principalIds: z.array(objectId).max(10),
  /** the Entra group of the unit's staff */
  staffGroupId: objectId.optional(),
  /** the unit in Kolada, so Kolada's results find it */
  koladaId: koladaUnitId.optional(),
  /** the Teams channel the unit is bound to */
  teamId: z.string().min(1).max(255).optional(),
  channelId: z.string().min(1).max(255).optional(),
  /**
   * When the unit was archived (closed, merged): it keeps its history and can be read, but is
   * changed no more and leaves the roll-up and the unit chooser until it is restored.
   */
  archivedAt: isoDateTime.optional(),
});
export type Unit = z.infer<typeof UnitSchema>;

/** Whether the unit is archived. */
export function isArchived(unit: Pick<Unit, 'archivedAt'>): boolean {
  return unit.archivedAt !== undefined;
}

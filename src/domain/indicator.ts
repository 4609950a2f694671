import { z } from 'zod';
import { ruleMessages } from './messages';
import { isoDate, itemId } from './common';
import { freeText, longText, nameKey, title } from './text';
import { directions, indicatorSources, unitTypes, unitsOfMeasure } from './choices';

/**
 * Kolada's KPI id: N (Kolada's own key figures) or U (those of a particular follow-up) and five
 * digits, as in N15419 or U15461. Written in lower case it is taken in capitals.
 */
export const koladaKpi = z.string().trim().toUpperCase().regex(/^[NU]\d{5}$/, ruleMessages.koladaKpi.sv);

/**
 * A group a result is broken down by (flickor, pojkar, nyanlända, elever med annat modersmål): a
 * short label for an aggregate, never a person.
 */
export const groupName = freeText(60).pipe(z.string().min(1, ruleMessages.groupNamed.sv));

/** A column heading as a file has it; compared without regard to case and spacing (nameKey). */
export const importColumn = freeText(200).pipe(z.string().min(1, ruleMessages.importColumnNamed.sv));

/** What is measured, where it comes from, which way is better, and the target. */
export const IndicatorSchema = z.strictObject({
  name: title,
  description: longText.optional(),
  source: z.enum(indicatorSources),
  unitOfMeasure: z.enum(unitsOfMeasure),
  direction: z.enum(directions),
  target: z.number().finite().optional(),
  /** the Kolada KPI id, for imports (e.g. "N15419") */
  koladaKpi: koladaKpi.optional(),
  goalId: itemId.optional(),
  /** the unit types it applies to; absent: every type */
  unitTypes: z.array(z.enum(unitTypes)).min(1, 'välj minst en skolform').max(unitTypes.length).optional(),
  /** the groups its results are broken down by, besides the total */
  groups: z.array(groupName).max(12, ruleMessages.groupsAtMost.sv)
    .refine((names) => new Set(names.map((n) => n.toLocaleLowerCase('sv-SE'))).size === names.length, ruleMessages.groupsOnce.sv)
    .optional(),
  /**
   * Column headings in imported files (Skolverket's own names, "Andel behöriga till
   * yrkesprogram") that mean this indicator: mapped once, found by every later import.
   */
  importColumns: z.array(importColumn).max(20, ruleMessages.importColumnsAtMost.sv)
    .refine((names) => new Set(names.map(nameKey)).size === names.length, ruleMessages.importColumnsOnce.sv)
    .optional(),
  /** archived on this day: it keeps its results and leaves the forms and the follow-up */
  archivedOn: isoDate.optional(),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

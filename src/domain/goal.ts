import { z } from 'zod';
import { ruleMessages } from './messages';
import { itemId, schoolYear } from './common';
import { longText, title } from './text';
import { goalLevels, type GoalLevel } from './choices';

/** Focus areas seen in practice, offered as names for a new area; others may be written freely. */
export const knownFocusAreas = [
  'Formativ bedömning',
  'Ledarskap',
  'Kollegialt lärande',
  'Barn- och elevinflytande',
  'Studiero',
  'Undervisningens kvalitet',
  'Jämställdhet',
  'Kompensatoriska uppdraget',
] as const;

/** A goal of the organizer (nämndmål), a prioritized area, or a goal of a unit; actions point at a unit goal. */
export const GoalSchema = z
  .strictObject({
    title,
    description: longText.optional(),
    level: z.enum(goalLevels),
    /** required for unit goals, absent for the organizer's goals and areas */
    unitId: itemId.optional(),
    /** what the goal breaks down: see `checkGoalParent` */
    parentGoalId: itemId.optional(),
    schoolYear,
  })
  .superRefine((goal, ctx) => {
    if (goal.level === 'unit' && goal.unitId === undefined) ctx.addIssue({ code: 'custom', path: ['unitId'], message: ruleMessages.unitGoalHasUnit.sv });
    if (goal.level !== 'unit' && goal.unitId !== undefined) ctx.addIssue({ code: 'custom', path: ['unitId'], message: ruleMessages.organizerGoalHasNoUnit.sv });
  });
export type Goal = z.infer<typeof GoalSchema>;

/** The levels a goal of each level may be placed under; an organizer goal stands on its own. */
export const parentLevels: Readonly<Record<GoalLevel, readonly GoalLevel[]>> = {
  organizer: [],
  focusArea: ['organizer'],
  unit: ['organizer', 'focusArea'],
};

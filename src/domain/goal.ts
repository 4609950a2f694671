import { z } from 'zod';
import { itemId, schoolYear } from './common';
import { longText, title } from './text';

export const goalLevels = ['organizer', 'unit'] as const;

/** Focus areas seen in practice; others may be written freely. */
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

/** A goal of the organizer (nämndmål) or of a unit, which may break down an organizer goal. */
export const GoalSchema = z
  .strictObject({
    title,
    description: longText.optional(),
    level: z.enum(goalLevels),
    /** required for unit goals, absent for organizer goals */
    unitId: itemId.optional(),
    parentGoalId: itemId.optional(),
    focusArea: title.optional(),
    schoolYear,
  })
  .superRefine((goal, ctx) => {
    if (goal.level === 'unit' && goal.unitId === undefined) ctx.addIssue({ code: 'custom', path: ['unitId'], message: 'ett enhetsmål hör till en enhet' });
    if (goal.level === 'organizer' && goal.unitId !== undefined) ctx.addIssue({ code: 'custom', path: ['unitId'], message: 'ett huvudmannamål hör inte till en enhet' });
  });
export type Goal = z.infer<typeof GoalSchema>;

/** `GET /setup`: where setting the product up stands, and whom to ask. */
import { z } from 'zod';
import { schoolYear, setupSteps } from '../domain';
import { listOf } from './item';

export const SetupStepSchema = z.strictObject({
  step: z.enum(setupSteps),
  done: z.boolean(),
  count: z.number().int().min(0),
  total: z.number().int().min(0).optional(),
});
export type SetupStepState = z.infer<typeof SetupStepSchema>;

export const SetupSchema = z.strictObject({
  /** at least one unit is in use */
  configured: z.boolean(),
  /** whom to ask: the administration, as the configuration names it */
  contact: z.strictObject({ name: z.string().min(1), email: z.string() }),
  schoolYear,
  /** the set-up guide's steps, each done or not as the data says: for the administration only */
  steps: listOf(SetupStepSchema).optional(),
});
export type Setup = z.infer<typeof SetupSchema>;

import { z } from 'zod';
import { phaseStates, phases, schoolYear } from '../domain';

/** A unit's cycle for a school year (derived by the server, never stored). */
export const CycleStateSchema = z.strictObject({
  schoolYear,
  phases: z.record(z.enum(phases), z.enum(phaseStates)).readonly(),
  /** the first phase not done; absent when the wheel has turned for the year */
  current: z.enum(phases).optional(),
});
export type CycleState = z.infer<typeof CycleStateSchema>;

import { z } from 'zod';
import { ActionSchema, DeficiencySchema, type Deficiency as DeficiencyFields } from '../domain';
import { itemSchema, listOf, listSchema, pageSchema, type Item, type ItemPage } from './item';

/** `/units/:unitId/deficiencies`, `/deficiencies/:id`. */
export const DeficiencyItemSchema = itemSchema(DeficiencySchema);
export type Deficiency = Item<DeficiencyFields>;
export const DeficiencyPageSchema = pageSchema(DeficiencyItemSchema);
export type DeficiencyPage = ItemPage<DeficiencyFields>;

/** An action that answers a deficiency; the board's copy leaves out its owner. */
export const DeficiencyActionSchema = ActionSchema.pick({ title: true, status: true, dueDate: true, evaluation: true, ownerName: true }).extend({ id: z.string().min(1) });
export type DeficiencyAction = z.infer<typeof DeficiencyActionSchema>;

/** Why an open deficiency cannot be closed yet (the domain's rule). */
export const closeBlockers = ['deficiencyWithoutAction', 'deficiencyNotEvaluated'] as const;

/** A deficiency in the register and on the overview: its actions, its flags, and why it cannot close yet. */
export const DeficiencyEntrySchema = z.strictObject({
  deficiency: DeficiencyItemSchema,
  actions: listOf(DeficiencyActionSchema),
  /** open, and no action answers it */
  withoutAction: z.boolean(),
  /** open and past its deadline */
  overdue: z.boolean(),
  closeBlocker: z.enum(closeBlockers).optional(),
});
export type DeficiencyEntry = z.infer<typeof DeficiencyEntrySchema>;

/** `GET /units/:unitId/deficiency-register`, `GET /organizer/deficiencies`: filtered, open ones first. */
export const DeficiencyRegisterSchema = listSchema(DeficiencyEntrySchema);
export type DeficiencyRegister = z.infer<typeof DeficiencyRegisterSchema>;

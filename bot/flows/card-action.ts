/** The value of an `adaptiveCard/action` invoke (Action.Execute), checked at the edge. */
import { z } from 'zod';

export const CardActionSchema = z.object({
  action: z.object({
    type: z.literal('Action.Execute'),
    verb: z.string().min(1).max(100),
    data: z.record(z.string(), z.unknown()).default({}),
  }),
  trigger: z.enum(['manual', 'automatic']).optional(),
});
export type CardAction = z.infer<typeof CardActionSchema>;

import { z } from 'zod';

/** On a `bindingTaken` 409: who holds the Teams channel, meeting or chat (a meeting only to whoever may read it). */
export const BindingHolderSchema = z.strictObject({
  unitId: z.string().min(1).optional(),
  unitName: z.string().min(1).optional(),
  meetingId: z.string().min(1).optional(),
  meetingTitle: z.string().min(1).optional(),
});
export type BindingHolder = z.infer<typeof BindingHolderSchema>;

/**
 * Every error answer: `application/problem+json` (RFC 9457). `code` is stable (the server's
 * catalogue lists them), `title` and `detail` are for people (the detail in the request's
 * Accept-Language, Swedish or English), `field` names the request field in error by its path and
 * `fieldLabel` by its label, `current` is the item as it is now on a 409, `holder` who holds a
 * binding.
 */
export const ProblemSchema = z.strictObject({
  type: z.string().min(1),
  title: z.string().min(1),
  status: z.number().int().min(400).max(599),
  code: z.string().min(1),
  detail: z.string(),
  field: z.string().min(1).optional(),
  /** the field as a person finds it in the form, in the request's language */
  fieldLabel: z.string().min(1).optional(),
  current: z.unknown().optional(),
  holder: BindingHolderSchema.optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;

/**
 * The value of an `adaptiveCard/action` invoke (Action.Execute), checked at the edge; and the
 * same action as an older client sends it, an Action.Submit whose value carries the verb.
 */
import { z } from 'zod';
import { languageOf, languages, type Language } from '../../src/domain';
import { SUBMIT_VERB_FIELD } from '../cards/card';

const verb = z.string().min(1).max(100);

export const CardActionSchema = z.object({
  action: z.object({
    type: z.literal('Action.Execute'),
    verb,
    data: z.record(z.string(), z.unknown()).default({}),
  }),
  trigger: z.enum(['manual', 'automatic']).optional(),
});
export type CardAction = z.infer<typeof CardActionSchema>;

const SubmitValueSchema = z.looseObject({ [SUBMIT_VERB_FIELD]: verb });

/** An Action.Submit's value (data and inputs, merged) as the card action it stands for; undefined when it is none of ours. */
export function cardActionFromSubmit(value: unknown): CardAction | undefined {
  const parsed = SubmitValueSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const { [SUBMIT_VERB_FIELD]: name, ...data } = parsed.data;
  return { action: { type: 'Action.Execute', verb: name, data } };
}

/** The language the card was sent in (its data carries it), else the client's. */
export function cardLanguage(data: Readonly<Record<string, unknown>>, locale: string | undefined): Language {
  const lang = data['lang'];
  return languages.find((candidate) => candidate === lang) ?? languageOf(locale);
}

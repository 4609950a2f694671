import { z } from 'zod';
import { containsPersonalIdentityNumber } from './personal-identity';

/** The message a person sees when free text holds a personnummer. */
export const personalIdentityMessage =
  'Texten innehåller ett personnummer. Kvalitetshjulet får inte innehålla uppgifter om enskilda elever.';

/** The stable code carried by that issue (`params.code`), for API problems. */
export const personalIdentityCode = 'personalIdentityNumber';

/** Whether a zod issue is free text refusing a personnummer (the API and the bot answer it in their own words). */
export function isPersonalIdentityIssue(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'custom' && issue.params?.['code'] === personalIdentityCode;
}

/**
 * Free text that may be shown to many: trimmed, bounded, and refused when it contains a valid
 * Swedish personal identity number.
 */
export function freeText(maxLength: number) {
  return z
    .string()
    .trim()
    .max(maxLength)
    .superRefine((value, ctx) => {
      if (containsPersonalIdentityNumber(value)) {
        ctx.addIssue({ code: 'custom', message: personalIdentityMessage, params: { code: personalIdentityCode } });
      }
    });
}

/** A short required label (a title, a name: an owner's, a participant's). */
export const title = freeText(255).pipe(z.string().min(1));

/** Longer free text (an analysis answer, a description, an evaluation). */
export const longText = freeText(20_000);

/** A list of short free-text points (strengths, areas to develop). */
export const points = z.array(freeText(1_000).pipe(z.string().min(1))).max(50);

/** How names and column headings are compared: lower case, single spaces. */
export function nameKey(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('sv-SE').replace(/[\s\u00a0]+/g, ' ').trim();
}

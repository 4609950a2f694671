/** Why a card's input was refused, in the user's language, from the domain's own zod issues. */
import type { z } from 'zod';
import { isPersonalIdentityIssue } from '../../src/domain';
import type { Strings } from '../cards/strings';

export function fieldMessage(s: Strings, issue: z.core.$ZodIssue | undefined): string {
  if (issue === undefined) return s.fieldInvalid;
  if (isPersonalIdentityIssue(issue)) return s.fieldPersonalIdentity;
  if (issue.code === 'too_big' && typeof issue.maximum === 'number') return s.fieldTooLong(issue.maximum);
  if (issue.code === 'too_small') return s.fieldRequired;
  return s.fieldInvalid;
}

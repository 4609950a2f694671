import type { FieldProps } from '@fluentui/react-components';
import { ProblemError } from '../api/problem-error';

/** The request field a failed request is about (a ProblemError's `field`), if it names one. */
export function problemField(error: unknown): string | undefined {
  return error instanceof ProblemError ? error.field : undefined;
}

/**
 * The props that highlight a form's field when the error is about it: the error state and, beside
 * the field, the problem's message without the field's code name. Nothing for any other field.
 * A field that holds a list (groups, one per line) also answers for its entries ("groups.1").
 */
export function fieldError(error: unknown, field: string): Pick<FieldProps, 'validationState' | 'validationMessage'> {
  if (!(error instanceof ProblemError) || (error.field !== field && !error.field?.startsWith(`${field}.`))) return {};
  return { validationState: 'error', validationMessage: error.fieldMessage };
}

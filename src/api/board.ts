import type { Caller } from '../services';

/** The board reads the organizer's views without anything about individual staff; the administration sees all. */
export function isBoardOnly(caller: Caller): boolean {
  return caller.appRoles.includes('Board') && !caller.appRoles.includes('Administration');
}

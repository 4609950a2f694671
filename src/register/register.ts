/**
 * The register port: Skolverket's school-unit register, asked by municipality code. The
 * composition root gives the HTTP implementation (register-http.ts) in Microsoft 365 mode; a
 * test gives five lines of its own.
 */
import type { RegisterUnit } from './school-units';

export interface SchoolUnitRegister {
  /** Every unit of the municipality, as the list names them (without school forms). */
  schoolUnits(municipalityCode: string): Promise<RegisterUnit[]>;
  /** One unit with its school forms and municipality. */
  schoolUnit(schoolUnitCode: string): Promise<RegisterUnit>;
}

/** The register could not be asked, or answered something else than its API describes. */
export class RegisterUnavailableError extends Error {
  override readonly name = 'RegisterUnavailableError';
  constructor(readonly reason: string) {
    super(`Skolverket's school-unit register: ${reason}`);
  }
}

/**
 * The register over HTTP: Skolverket's open API v2 (`GET /v2/school-units?municipality_code=` and
 * `GET /v2/school-units/{code}`), with a timeout on every request. The composition root wires it
 * in (src/server.ts); everything else depends on the port (register.ts).
 */
import { SchoolUnitDetailAnswerSchema, SchoolUnitListAnswerSchema } from './answers';
import { RegisterUnavailableError, type SchoolUnitRegister } from './register';
import { fromDetailAnswer, fromListAnswer, type RegisterUnit } from './school-units';

export interface HttpRegisterOptions {
  /** e.g. https://api.skolverket.se/skolenhetsregistret */
  readonly baseUrl: string;
  readonly fetch?: typeof fetch;
  /** how long one request may take; default 15 s */
  readonly timeoutMs?: number;
}

export function createHttpRegister(options: HttpRegisterOptions): SchoolUnitRegister {
  const base = options.baseUrl.replace(/\/+$/, '');
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 15_000;

  async function get(path: string): Promise<unknown> {
    let response: Response;
    try {
      response = await fetchImpl(`${base}${path}`, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      throw new RegisterUnavailableError(timedOut ? `no answer within ${timeoutMs} ms` : 'could not be reached');
    }
    if (response.status === 404) return undefined;
    if (!response.ok) throw new RegisterUnavailableError(`answered ${response.status}`);
    try {
      return (await response.json()) as unknown;
    } catch {
      throw new RegisterUnavailableError('answered something that is not JSON');
    }
  }

  return {
    async schoolUnits(municipalityCode: string): Promise<RegisterUnit[]> {
      const answer = SchoolUnitListAnswerSchema.safeParse(await get(`/v2/school-units?municipality_code=${encodeURIComponent(municipalityCode)}`));
      if (!answer.success) throw new RegisterUnavailableError('the list of school units is not shaped as the API describes');
      return fromListAnswer(answer.data);
    },
    async schoolUnit(schoolUnitCode: string): Promise<RegisterUnit> {
      const answer = SchoolUnitDetailAnswerSchema.safeParse(await get(`/v2/school-units/${encodeURIComponent(schoolUnitCode)}`));
      if (!answer.success) throw new RegisterUnavailableError(`school unit ${schoolUnitCode} is not shaped as the API describes`);
      return fromDetailAnswer(answer.data);
    },
  };
}

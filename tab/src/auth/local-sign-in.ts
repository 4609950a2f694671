import type { DevPersona, DevToken, PublicConfig } from '../../../src/contract';
import { ProblemError, problemFrom } from '../api/problem-error';
import type { StoredToken } from './token-store';

/** Lists the dev identity provider's demo personas (local mode only). */
export async function fetchPersonas(config: PublicConfig, fetchImpl: typeof fetch = fetch): Promise<DevPersona[]> {
  if (!config.devIdp) return [];
  const response = await fetchImpl(config.devIdp.personasUrl, { headers: { accept: 'application/json' } });
  if (!response.ok) throw await problemFrom(response);
  // The dev identity provider's answer as the contract writes it (test/api/contract.spec.ts parses it).
  return (await response.json()) as DevPersona[];
}

/** Asks the dev identity provider for a token as `persona`. */
export async function signInAsPersona(config: PublicConfig, persona: DevPersona, fetchImpl: typeof fetch = fetch, now = Date.now()): Promise<StoredToken> {
  if (!config.devIdp) throw new ProblemError({ status: 0, code: 'noDevIdp', title: 'No dev identity provider' });
  const response = await fetchImpl(config.devIdp.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ persona: persona.id }),
  });
  if (!response.ok) throw await problemFrom(response);
  const body = (await response.json()) as DevToken;
  return { accessToken: body.access_token, expiresAt: now + body.expires_in * 1000, personaId: persona.id, name: persona.name };
}

/**
 * What a Bot Framework token plainly cannot be, checked before botbuilder sees it: botbuilder
 * writes a stack or the keys it holds to stderr for an expired token or one in a wrong algorithm,
 * for every such request. Only the token's shape is read here (nothing is trusted): the signature,
 * issuer and endorsements stay botbuilder's to check.
 */
import { decodeJwt, decodeProtectedHeader } from 'jose';

/** botbuilder's own allowance for clock skew on Bot Framework tokens. */
const toleranceSeconds = 300;
const algorithms = ['RS256', 'RS384', 'RS512'];
const bearer = /^Bearer +([\w-]+\.[\w-]+\.[\w-]*)$/;

/** Why the token is refused without botbuilder, or undefined when botbuilder must decide. */
export function plainRefusal(authorization: string, botId: string, nowSeconds: number): string | undefined {
  const token = bearer.exec(authorization.trim())?.[1];
  if (token === undefined) return 'not a Bearer JWT';
  let alg: unknown;
  let payload: ReturnType<typeof decodeJwt>;
  try {
    alg = decodeProtectedHeader(token).alg;
    payload = decodeJwt(token);
  } catch {
    return 'not a JWT';
  }
  if (typeof alg !== 'string' || !algorithms.includes(alg)) return `signed with ${String(alg)}, not RS256/384/512`;
  if (typeof payload.exp !== 'number' || payload.exp + toleranceSeconds < nowSeconds) return 'expired (or no exp)';
  if (typeof payload.nbf === 'number' && payload.nbf - toleranceSeconds > nowSeconds) return 'not valid yet';
  const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (!audiences.includes(botId)) return 'not for this bot (aud)';
  return undefined;
}

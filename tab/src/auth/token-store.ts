/** A token kept for this browser tab only (sessionStorage): gone when the tab closes. */
export interface StoredToken {
  accessToken: string;
  expiresAt: number;
  personaId?: string;
  name?: string;
}

const key = 'kvalitetshjulet.token';

/** Reads the stored token if it is still valid for at least a minute. */
export function readToken(storage: Storage = sessionStorage, now = Date.now()): StoredToken | null {
  try {
    const raw = storage.getItem(key);
    if (!raw) return null;
    const token = JSON.parse(raw) as StoredToken;
    if (typeof token.accessToken !== 'string' || token.expiresAt - 60_000 < now) return null;
    return token;
  } catch {
    return null;
  }
}

export function writeToken(token: StoredToken, storage: Storage = sessionStorage): void {
  storage.setItem(key, JSON.stringify(token));
}

export function clearToken(storage: Storage = sessionStorage): void {
  storage.removeItem(key);
}

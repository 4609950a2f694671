import type { TeamsSdk } from './teams-sdk';

/** Options for `detectHost`; the defaults are the browser's. */
export interface DetectHostOptions {
  /** Whether the page runs in a frame: outside one, teams-js is never loaded. */
  isFramed?: boolean;
  /** How long to wait for the host to answer before falling back to standalone. */
  timeoutMs?: number;
  /** Loads and initializes teams-js (a dynamic import, so standalone never downloads it). */
  loadTeams?: () => Promise<TeamsSdk>;
}

/** The result: the Teams SDK when a host answered in time, else standalone. */
export type DetectedHost = { kind: 'teams'; sdk: TeamsSdk } | { kind: 'standalone' };

/**
 * Finds the host fast. `app.initialize()` outside Teams rejects at once or only after 60 s,
 * so it is tried only when framed, and raced against a short timeout.
 */
export async function detectHost(options: DetectHostOptions = {}): Promise<DetectedHost> {
  const isFramed = options.isFramed ?? isInFrame();
  if (!isFramed) return { kind: 'standalone' };
  const timeoutMs = options.timeoutMs ?? 1500;
  const loadTeams = options.loadTeams ?? (async () => (await import('./teams-sdk')).initializeTeams());
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<DetectedHost>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'standalone' }), timeoutMs);
  });
  const teams = loadTeams().then(
    (sdk): DetectedHost => ({ kind: 'teams', sdk }),
    (): DetectedHost => ({ kind: 'standalone' }),
  );
  try {
    return await Promise.race([teams, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function isInFrame(): boolean {
  try {
    return window.parent !== window;
  } catch {
    // A cross-origin parent can throw on access: that is a frame too.
    return true;
  }
}

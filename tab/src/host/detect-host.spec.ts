import { afterEach, describe, expect, it, vi } from 'vitest';
import { detectHost } from './detect-host';
import type { TeamsSdk } from './teams-sdk';

const sdk: TeamsSdk = {
  context: { frameContext: 'content', locale: 'sv-se', theme: 'dark', hostName: 'Teams', teamId: 't', channelId: 'c' },
  onThemeChange: () => undefined,
  setConfig: async () => undefined,
  onSave: () => undefined,
  setValidityState: () => undefined,
};

describe('detectHost', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is standalone at once outside a frame, without loading teams-js', async () => {
    const loadTeams = vi.fn(async () => sdk);
    await expect(detectHost({ isFramed: false, loadTeams })).resolves.toEqual({ kind: 'standalone' });
    expect(loadTeams).not.toHaveBeenCalled();
  });

  it('is in Teams when the framed host answers', async () => {
    await expect(detectHost({ isFramed: true, loadTeams: async () => sdk })).resolves.toEqual({ kind: 'teams', sdk });
  });

  it('falls back to standalone when initialize rejects', async () => {
    await expect(detectHost({ isFramed: true, loadTeams: async () => Promise.reject(new Error('no host')) })).resolves.toEqual({ kind: 'standalone' });
  });

  it('falls back to standalone after the timeout when the host never answers', async () => {
    vi.useFakeTimers();
    const found = detectHost({ isFramed: true, timeoutMs: 1500, loadTeams: () => new Promise<TeamsSdk>(() => undefined) });
    let settled = false;
    void found.then(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(1400);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    await expect(found).resolves.toEqual({ kind: 'standalone' });
  });
});

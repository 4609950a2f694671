import { useCallback, useEffect, useRef, useState } from 'react';
import type { MeetingLive } from '../../../src/contract';
import type { MeetingApi } from './meeting-api';

/** The live meeting as a union: never a blank panel. */
export type LiveState = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; live: MeetingLive; at: Date };

export interface UseLiveMeetingOptions {
  /** how often to ask whether anything changed. Default 1500 ms (others see a change within 5 s) */
  intervalMs?: number;
}

/**
 * Polls the live endpoint with If-None-Match: an unchanged meeting costs a 304 and no render.
 * `refresh` asks at once (after one's own save). A failed poll keeps the last state and retries.
 */
export function useLiveMeeting(api: MeetingApi, meetingId: string, options: UseLiveMeetingOptions = {}): [LiveState, () => void] {
  const intervalMs = options.intervalMs ?? 1500;
  const [state, setState] = useState<LiveState>({ status: 'loading' });
  const version = useRef<string | undefined>(undefined);
  const inFlight = useRef(false);
  const again = useRef(false);

  const poll = useCallback(async (): Promise<void> => {
    if (inFlight.current) {
      again.current = true;
      return;
    }
    inFlight.current = true;
    try {
      const live = await api.live(meetingId, version.current);
      if (live) {
        version.current = live.version;
        setState({ status: 'ready', live, at: new Date() });
      }
    } catch (error) {
      setState((previous) => (previous.status === 'ready' ? previous : { status: 'error', error }));
    } finally {
      inFlight.current = false;
    }
    if (again.current) {
      again.current = false;
      await poll();
    }
  }, [api, meetingId]);

  useEffect(() => {
    version.current = undefined;
    setState({ status: 'loading' });
    void poll();
    const timer = setInterval(() => void poll(), intervalMs);
    return () => clearInterval(timer);
  }, [poll, intervalMs]);

  const refresh = useCallback(() => void poll(), [poll]);
  return [state, refresh];
}

import { useEffect, useState } from 'react';
import type { ImportJobList } from '../../../../src/contract';
import type { OrganizerApi } from '../organizer-api';
import { importNotice, stillRunning, type ImportNotice } from './import-notice';

/** How often the front view asks how far a running import got: its numbers move in chunks, so a few seconds. */
export const noticePollMs = 3_000;

/** The notice, and whether the first answer is in (the front view waits for it, so nothing moves when it comes). */
export interface ImportNoticeState {
  readonly settled: boolean;
  readonly notice: ImportNotice;
}

const none: ImportNotice = { kind: 'none' };

/**
 * Follows the latest imports while the front view is open: asks at once (or takes the answer
 * `started` already asked for), then every `pollMs` while one runs, and stops when none does. A
 * failed answer says nothing (the front view is about the roll-up; the import view has the
 * details) and stops asking.
 */
export function useImportNotice(
  api: Pick<OrganizerApi, 'recentImports'>, enabled: boolean, started: () => Promise<ImportJobList> | undefined = () => undefined, pollMs: number = noticePollMs,
): ImportNoticeState {
  const [state, setState] = useState<ImportNoticeState>({ settled: !enabled, notice: none });
  useEffect(() => {
    if (!enabled) return undefined;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // the imports this page saw running: one of them done is news; one done before is not
    const followed = new Set<string>();
    const look = async (first = false): Promise<void> => {
      const notice = await ((first ? started() : undefined) ?? api.recentImports()).then(({ items }) => {
        const next = importNotice(items, followed, new Date());
        if (next.kind === 'running') followed.add(next.job.id);
        return next;
      }, () => none);
      if (!live) return;
      setState({ settled: true, notice });
      if (stillRunning(notice)) timer = setTimeout(() => void look(), pollMs);
    };
    void look(true);
    return () => {
      live = false;
      if (timer !== undefined) clearTimeout(timer);
    };
    // `started` is read once, at the first look
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, enabled, pollMs]);
  return state;
}

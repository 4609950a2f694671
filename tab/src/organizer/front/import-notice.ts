/**
 * What the organizer's front view says about result imports: one that runs (or waits its turn),
 * one that finished while the page was open, or one that failed lately. Pure, so it is tested alone.
 */
import type { ImportJob } from '../../../../src/contract';

export type ImportNotice =
  | { readonly kind: 'none' }
  | { readonly kind: 'running'; readonly job: ImportJob }
  | { readonly kind: 'done'; readonly job: ImportJob }
  | { readonly kind: 'failed'; readonly job: ImportJob };

/** How long a failed import is still told on the front view: a day, so the next morning still sees it. */
export const failedNoticeMs = 24 * 60 * 60 * 1000;

const isRunning = (job: ImportJob): boolean => job.state === 'queued' || job.state === 'running';

/**
 * The notice for the latest imports (newest first). A done import is told only when this page
 * saw it run (`followed`): one that was done before the page opened is old news.
 */
export function importNotice(items: readonly ImportJob[], followed: ReadonlySet<string>, now: Date): ImportNotice {
  const running = items.find(isRunning);
  if (running) return { kind: 'running', job: running };
  const [latest] = items;
  if (!latest) return { kind: 'none' };
  if (latest.state === 'done' && followed.has(latest.id)) return { kind: 'done', job: latest };
  const finished = Date.parse(latest.finishedAt ?? latest.queuedAt);
  if (latest.state === 'failed' && now.getTime() - finished <= failedNoticeMs) return { kind: 'failed', job: latest };
  return { kind: 'none' };
}

/** Whether the notice needs another look: only while an import runs. */
export const stillRunning = (notice: ImportNotice): boolean => notice.kind === 'running';

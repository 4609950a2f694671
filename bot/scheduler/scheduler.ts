/**
 * Runs the background work of one instance: drains the outbox and runs the reminder scan. Ticks
 * never overlap; `wake()` starts a tick soon after new messages are queued.
 */
import type { Outbox } from '../outbox/outbox';

export interface SchedulerOptions {
  outbox: Pick<Outbox, 'drain'>;
  /** the reminder scan (a leased job; cheap when another instance holds it) */
  scan?: () => Promise<unknown>;
  intervalMs?: number;
  scanEveryMs?: number;
  log?: (message: string) => void;
}

export class Scheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private started = false;
  private wakeRequested = false;
  private lastScan = 0;
  private readonly intervalMs: number;
  private readonly scanEveryMs: number;

  constructor(private readonly options: SchedulerOptions) {
    this.intervalMs = options.intervalMs ?? 2_000;
    this.scanEveryMs = options.scanEveryMs ?? 60_000;
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** New work was queued: drain now instead of at the next interval. */
  wake(): void {
    if (!this.started) return;
    if (this.running) {
      this.wakeRequested = true;
      return;
    }
    this.schedule(0);
  }

  /** One tick: drain until nothing is due, then maybe scan. Exposed for tests. */
  async tick(): Promise<void> {
    for (let pass = 0; pass < 1_000; pass++) {
      this.wakeRequested = false;
      const r = await this.options.outbox.drain();
      if (r.sent + r.retried + r.failed + r.skipped === 0 && !this.wakeRequested) break;
    }
    if (this.options.scan && Date.now() - this.lastScan >= this.scanEveryMs) {
      this.lastScan = Date.now();
      await this.options.scan();
    }
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.running = this.tick()
        .catch((error: unknown) => this.options.log?.(`scheduler: ${String(error)}`))
        .finally(() => {
          this.running = undefined;
          if (this.started) this.schedule(this.wakeRequested ? 0 : this.intervalMs);
        });
    }, ms);
    this.timer.unref?.();
  }
}

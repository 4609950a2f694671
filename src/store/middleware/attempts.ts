import type { Context, MiddlewareOptions } from '@microsoft/microsoft-graph-client';

/**
 * How many times the chain sent one request: the transport gives each request one, RetryStep
 * counts into it. A write answered 412 or 404 after a resend may be the first attempt's own
 * change whose answer was lost (graph-store.ts reads the item before calling it a conflict).
 */
export class Attempts implements MiddlewareOptions {
  count = 0;

  /** The counter the request carries, if any (a nextLink followed by URL carries none). */
  static of(context: Context): Attempts | undefined {
    const found: unknown = context.middlewareControl?.getMiddlewareOptions(Attempts);
    return found instanceof Attempts ? found : undefined;
  }
}

import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

/** The end of the chain: sends the request with the given fetch (graph-client's own handler only uses the global one). */
export class FetchStep implements Middleware {
  constructor(private readonly fetchFn: typeof fetch = globalThis.fetch) {}

  async execute(context: Context): Promise<void> {
    context.response = await this.fetchFn(context.request, context.options);
  }
}

import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import type { Clock } from '../clock';

/** A clock whose sleeps advance time at once and are recorded. */
export function fakeClock(start = 0): Clock & { slept: number[] } {
  let now = start;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
}

/** A last step that answers from a script of responses and records the contexts it saw. */
export function scriptedNext(responses: (() => Response)[]): Middleware & { seen: { url: string; headers: Record<string, string> }[] } {
  const seen: { url: string; headers: Record<string, string> }[] = [];
  let index = 0;
  return {
    seen,
    async execute(context: Context) {
      seen.push({ url: String(context.request), headers: { ...(context.options?.headers as Record<string, string>) } });
      const make = responses[Math.min(index++, responses.length - 1)];
      if (!make) throw new Error('no scripted response');
      context.response = make();
    },
  };
}

export const context = (url = 'https://graph.microsoft.com/v1.0/sites/s/lists/l/items/1', method = 'GET', body?: string): Context => ({
  request: url,
  options: { method, headers: {}, ...(body === undefined ? {} : { body }) },
});

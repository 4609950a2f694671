import type { Context } from '@microsoft/microsoft-graph-client';
import { setRequestHeader } from './request-headers';
import { Step } from './step';

/** The ISV user agent SharePoint asks for, so it can tell our traffic apart when it throttles. */
export const defaultUserAgent = (version: string): string => `NONISV|Kvalitetshjulet|Kvalitetshjulet/${version}`;

/** Sends our User-Agent on every request (Node's fetch would send its own). */
export class UserAgentStep extends Step {
  constructor(private readonly userAgent: string) {
    super();
  }

  async execute(context: Context): Promise<void> {
    setRequestHeader(context, 'User-Agent', this.userAgent);
    await this.forward(context);
  }
}

import type { Context } from '@microsoft/microsoft-graph-client';
import { setRequestHeader } from './request-headers';
import { Step } from './step';

export interface AuthStepOptions {
  /** returns an app-only access token for Graph */
  readonly tokenProvider: () => Promise<string>;
}

/**
 * Adds the app-only bearer token to every request. graph-client's own AuthenticationHandler only
 * does so for https Graph hosts; this step does not care about the host, so the caller must only
 * send it to Graph (the store checks nextLinks against its base URL).
 */
export class AuthStep extends Step {
  constructor(private readonly options: AuthStepOptions) {
    super();
  }

  async execute(context: Context): Promise<void> {
    const token = await this.options.tokenProvider();
    setRequestHeader(context, 'Authorization', `Bearer ${token}`);
    await this.forward(context);
  }
}

import type { Context } from '@microsoft/microsoft-graph-client';
import { requestTarget } from './request-headers';
import { resourceUnits } from './resource-units';
import { Step } from './step';
import type { TokenBucket } from './token-bucket';

/**
 * Spends each request's SharePoint resource units from a token bucket before sending it, so the
 * app stays under its per-minute budget instead of running into 429s.
 */
export class ThrottleStep extends Step {
  constructor(private readonly bucket: Pick<TokenBucket, 'take'>) {
    super();
  }

  async execute(context: Context): Promise<void> {
    const { url, method } = requestTarget(context);
    await this.bucket.take(resourceUnits(method, url, context.options?.body));
    await this.forward(context);
  }
}

import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { invariant } from '../../domain';

/** A middleware step with a next step; the chain's last step (fetch) has none. */
export abstract class Step implements Middleware {
  private next: Middleware | undefined;

  abstract execute(context: Context): Promise<void>;

  setNext(next: Middleware): void {
    this.next = next;
  }

  protected async forward(context: Context): Promise<void> {
    invariant(this.next, `${this.constructor.name} is the last step of the chain`);
    await this.next.execute(context);
  }
}

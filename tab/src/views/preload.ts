/**
 * The channel tab's chunks, each loaded once. The app starts loading them while it still finds
 * its host and signs in, so the first view does not wait for a chain of downloads.
 */
import { once } from '../util/once';
import { loadOverview } from './overview/load-overview';

export const loadChannelTab = once(() => import('./channel-tab'));

/** Starts the downloads the default channel view needs; safe to call many times. */
export function preloadChannelTab(): void {
  void loadChannelTab().catch(() => undefined);
  void loadOverview().catch(() => undefined);
}

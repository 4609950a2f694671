/**
 * The channel tab's chunks, each loaded once. The app starts loading them while it still finds
 * its host and signs in, so the first view does not wait for a chain of downloads.
 */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => {
    promise ??= load();
    // A failed download may be retried on the next call (a flaky network, a redeploy).
    promise.catch(() => {
      promise = undefined;
    });
    return promise;
  };
}

export const loadChannelTab = once(() => import('./channel-tab'));
export const loadOverview = once(() => import('./overview/overview-view'));

/** Starts the downloads the default channel view needs; safe to call many times. */
export function preloadChannelTab(): void {
  void loadChannelTab().catch(() => undefined);
  void loadOverview().catch(() => undefined);
}

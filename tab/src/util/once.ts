/** A download started once and shared by every caller; a failed one may be retried by the next call. */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
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

import type { ReactNode } from 'react';
import { chunk, useChunk } from '../../util/chunk';

/** The roll-up's chunk, loaded once: started with the organizer page's, shown from it without waiting again. */
const rollupView = chunk(() => import('./rollup-view'));

export function preloadRollupView(): void {
  void rollupView.load().catch(() => undefined);
}

/** The roll-up once its code is here; `fallback` until then. */
export function RollupEntry({ onGiveFeedback, fallback }: { onGiveFeedback: ((unitId: string) => void) | undefined; fallback: ReactNode }) {
  const view = useChunk(rollupView);
  if (!view) return fallback;
  return <view.default {...(onGiveFeedback ? { onGiveFeedback } : {})} />;
}

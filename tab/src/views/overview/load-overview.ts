import { once } from '../../util/once';

/**
 * The overview's chunk, loaded once: the app starts it early (preload.ts) and the channel tab's
 * lazy view takes the same download. Kept apart from both so neither imports the other.
 */
export const loadOverview = once(() => import('./overview-view'));

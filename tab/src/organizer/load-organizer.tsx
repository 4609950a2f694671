import type { ReactNode } from 'react';
import type { OrganizerView } from '../route';
import { chunk, useChunk } from '../util/chunk';
import { preloadRollupView } from './rollup/load-rollup';

/**
 * The organizer page's chunk, loaded once: the app starts it (and the roll-up's, the front view)
 * while it finds its host and signs in, and shows the page from it without waiting again.
 * Kept apart from the page so neither imports the module that shows it.
 */
const organizerPage = chunk(() => import('./organizer-page'));

/** Starts the downloads the organizer's first view needs (the roll-up unless another section is asked for). */
export function preloadOrganizer(section: OrganizerView | undefined): void {
  void organizerPage.load().catch(() => undefined);
  if (section === undefined || section === 'rollup') preloadRollupView();
}

/** The organizer page once its code is here; `fallback` until then. */
export function OrganizerPageEntry({ section, fallback }: { section: OrganizerView | undefined; fallback: ReactNode }) {
  const page = useChunk(organizerPage);
  if (!page) return fallback;
  return <page.default {...(section ? { section } : {})} />;
}

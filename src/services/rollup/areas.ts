/** The areas to develop that units name in their analyses, compared across units. */
import type { Analysis } from '../../domain';
import type { AreaToDevelop } from './types';

/** How areas to develop are compared: case, spacing and trailing punctuation do not matter. */
export function normalizeArea(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('sv-SE').replace(/\s+/g, ' ').replace(/[\s.,;:!?–-]+$/u, '').replace(/^[\s•*–-]+/u, '').trim();
}

/** The areas to develop named in submitted analyses, counted by unit, most common first. */
export function commonAreas(analyses: readonly Pick<Analysis, 'unitId' | 'status' | 'areasToDevelop'>[]): AreaToDevelop[] {
  const byKey = new Map<string, { units: Set<string>; spellings: Map<string, number> }>();
  for (const analysis of analyses) {
    if (analysis.status === 'draft') continue;
    for (const area of analysis.areasToDevelop) {
      const key = normalizeArea(area);
      if (key === '') continue;
      const entry = byKey.get(key) ?? { units: new Set<string>(), spellings: new Map<string, number>() };
      byKey.set(key, entry);
      entry.units.add(analysis.unitId);
      const shown = area.trim().replace(/\s+/g, ' ').replace(/[\s.,;:!?]+$/u, '');
      entry.spellings.set(shown, (entry.spellings.get(shown) ?? 0) + 1);
    }
  }
  return [...byKey.values()]
    .map((entry) => ({
      // the most used spelling; on a tie the first one written (sort is stable)
      area: [...entry.spellings.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '',
      count: entry.units.size,
      unitIds: [...entry.units].sort((a, b) => Number(a) - Number(b)),
    }))
    .sort((a, b) => b.count - a.count || a.area.localeCompare(b.area, 'sv'));
}

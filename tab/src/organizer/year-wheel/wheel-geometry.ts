/** Months of a school year in wheel order: July (when the school year begins) to June. */
export const wheelMonths: readonly number[] = [6, 7, 8, 9, 10, 11, 0, 1, 2, 3, 4, 5];

/** The sector (0..11, July first) a "YYYY-MM-DD" date falls in. */
export function sectorOf(date: string): number {
  const month = Number(date.slice(5, 7)) - 1;
  return wheelMonths.indexOf(month);
}

/** A point at `angle` (0 = up, clockwise, in turns) and `radius` from the centre. */
export function polar(cx: number, cy: number, radius: number, turns: number): { x: number; y: number } {
  const radians = turns * 2 * Math.PI - Math.PI / 2;
  return { x: cx + radius * Math.cos(radians), y: cy + radius * Math.sin(radians) };
}

/** An annular sector's SVG path for month `index` of 12, between two radii. */
export function sectorPath(cx: number, cy: number, inner: number, outer: number, index: number): string {
  const from = index / 12;
  const to = (index + 1) / 12;
  const a = polar(cx, cy, outer, from);
  const b = polar(cx, cy, outer, to);
  const c = polar(cx, cy, inner, to);
  const d = polar(cx, cy, inner, from);
  const f = (n: number) => n.toFixed(2);
  return `M${f(a.x)},${f(a.y)} A${outer},${outer} 0 0 1 ${f(b.x)},${f(b.y)} L${f(c.x)},${f(c.y)} A${inner},${inner} 0 0 0 ${f(d.x)},${f(d.y)} Z`;
}

/**
 * Where an activity's mark sits: its day along the month's arc, and, when a month is crowded,
 * alternating rings so marks on nearby days do not cover each other.
 */
export function markPosition(date: string, slot: number, cx: number, cy: number, radii: readonly number[]): { x: number; y: number } {
  const day = Number(date.slice(8, 10));
  const turns = (sectorOf(date) + Math.min(Math.max((day - 0.5) / 31, 0.05), 0.95)) / 12;
  const radius = radii[slot % radii.length] ?? radii[0] ?? 0;
  return polar(cx, cy, radius, turns);
}

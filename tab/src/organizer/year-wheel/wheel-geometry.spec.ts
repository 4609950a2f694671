import { describe, expect, it } from 'vitest';
import { markPosition, polar, sectorOf, sectorPath } from './wheel-geometry';

describe('the year wheel geometry', () => {
  it('starts the school year in July and ends it in June', () => {
    expect(sectorOf('2025-07-01')).toBe(0);
    expect(sectorOf('2025-12-15')).toBe(5);
    expect(sectorOf('2026-01-10')).toBe(6);
    expect(sectorOf('2026-06-30')).toBe(11);
  });

  it('puts turn 0 at the top and a quarter turn to the right', () => {
    const top = polar(100, 100, 50, 0);
    expect(top.x).toBeCloseTo(100);
    expect(top.y).toBeCloseTo(50);
    const right = polar(100, 100, 50, 0.25);
    expect(right.x).toBeCloseTo(150);
    expect(right.y).toBeCloseTo(100);
  });

  it('draws a closed sector and places a mark inside its month', () => {
    expect(sectorPath(100, 100, 40, 90, 0)).toMatch(/^M.*Z$/);
    // mid-September is the third sector: between a quarter and a third of a turn... from the top, clockwise
    const mark = markPosition('2025-09-15', 0, 100, 100, [60]);
    const angle = (Math.atan2(mark.y - 100, mark.x - 100) + Math.PI / 2 + 2 * Math.PI) % (2 * Math.PI);
    expect(angle / (2 * Math.PI)).toBeGreaterThan(2 / 12);
    expect(angle / (2 * Math.PI)).toBeLessThan(3 / 12);
  });
});

import type { UnitOfMeasure } from './choices';

/**
 * The value axis of a results chart. Percent, counts, days and points start at zero: a chart
 * starting near the values makes a small change look large. A scale (1–4, 1–10) starts at its
 * lowest step, 1, and ends at its highest, 4 (the vocabulary's "Skala 1–4"), and says so on its
 * labelled axis. Percent ends at 100.
 */
export function valueAxis(unitOfMeasure: UnitOfMeasure, values: readonly number[]): { readonly min: number; readonly max: number; readonly ticks: readonly number[] } {
  const seen = values.filter((v) => Number.isFinite(v));
  const highest = Math.max(0, ...seen);
  const min = unitOfMeasure === 'scale' ? Math.min(1, Math.floor(Math.min(...seen, 1))) : Math.min(0, Math.floor(Math.min(...seen, 0)));
  const max = unitOfMeasure === 'percent' && highest <= 100 ? 100
    : unitOfMeasure === 'scale' ? Math.max(4, Math.ceil(highest))
      : niceCeiling(highest > min ? highest : min + 1);
  const step = (max - min) / 4;
  return { min, max, ticks: [0, 1, 2, 3, 4].map((i) => round(min + i * step)) };
}

const round = (value: number) => Math.round(value * 100) / 100;

/** The value rounded up to 1, 2, 2.5 or 5 times a power of ten, so ticks read as round numbers. */
function niceCeiling(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((s) => s * power >= value) ?? 10;
  return step * power;
}

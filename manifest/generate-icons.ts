/**
 * Draws the app's two icons, a simple wheel (ring, four spokes for the four phases, hub):
 * `color.png` 192×192 (white wheel on the accent colour) and `outline.png` 32×32 (white wheel on
 * transparent), as Teams requires. Run `npx tsx manifest/generate-icons.ts` to rewrite both; the
 * PNGs are committed so packaging never depends on this script.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

/** The manifest's accentColor (#1F6F5C). */
export const accentRgb = [0x1f, 0x6f, 0x5c] as const;

export interface WheelOptions {
  /** width and height in pixels */
  size: number;
  /** `color`: opaque accent background; `outline`: transparent background */
  variant: 'color' | 'outline';
}

// Proportions of the half-size; the outline icon uses thicker strokes so they survive 32 px.
const shapes = {
  color: { ringOuter: 0.78, ringInner: 0.6, hub: 0.17, spokeHalfWidth: 0.06 },
  outline: { ringOuter: 0.9, ringInner: 0.66, hub: 0.22, spokeHalfWidth: 0.09 },
} as const;

const samplesPerAxis = 4;

function isWheel(x: number, y: number, shape: (typeof shapes)[keyof typeof shapes]): boolean {
  const r = Math.hypot(x, y);
  if (r <= shape.hub) return true;
  if (r >= shape.ringInner && r <= shape.ringOuter) return true;
  if (r > shape.ringInner) return false;
  // Four spokes on the diagonals: the four phases of the cycle sit between them.
  const u = (x + y) / Math.SQRT2;
  const v = (x - y) / Math.SQRT2;
  return Math.abs(u) <= shape.spokeHalfWidth || Math.abs(v) <= shape.spokeHalfWidth;
}

/** Renders the wheel into a PNG; coverage is supersampled so edges are smooth. */
export function drawWheel(options: WheelOptions): PNG {
  const { size, variant } = options;
  const shape = shapes[variant];
  const png = new PNG({ width: size, height: size });
  const half = size / 2;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let hits = 0;
      for (let sy = 0; sy < samplesPerAxis; sy += 1) {
        for (let sx = 0; sx < samplesPerAxis; sx += 1) {
          const x = (px + (sx + 0.5) / samplesPerAxis - half) / half;
          const y = (py + (sy + 0.5) / samplesPerAxis - half) / half;
          if (isWheel(x, y, shape)) hits += 1;
        }
      }
      const coverage = hits / (samplesPerAxis * samplesPerAxis);
      const offset = (py * size + px) * 4;
      if (variant === 'outline') {
        png.data[offset] = 255;
        png.data[offset + 1] = 255;
        png.data[offset + 2] = 255;
        png.data[offset + 3] = Math.round(coverage * 255);
      } else {
        for (let channel = 0; channel < 3; channel += 1) {
          const base = accentRgb[channel] ?? 0;
          png.data[offset + channel] = Math.round(base + (255 - base) * coverage);
        }
        png.data[offset + 3] = 255;
      }
    }
  }
  return png;
}

/** Writes color.png and outline.png into `directory`. */
export function writeIcons(directory: string): void {
  writeFileSync(join(directory, 'color.png'), PNG.sync.write(drawWheel({ size: 192, variant: 'color' })));
  writeFileSync(join(directory, 'outline.png'), PNG.sync.write(drawWheel({ size: 32, variant: 'outline' })));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeIcons(dirname(fileURLToPath(import.meta.url)));
}

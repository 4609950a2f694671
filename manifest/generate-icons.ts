/**
 * Draws the app's two icons, a simple wheel (ring, four spokes for the four phases, hub):
 * `color.png` 192×192 (white wheel on the accent colour) and `outline.png` 32×32 (white wheel on
 * transparent), as Teams requires, and the same colour wheel as the tab's favicon
 * (`tab/public/favicon.svg`). Run `npx tsx manifest/generate-icons.ts` to rewrite all three; the
 * files are committed so packaging and the tab's build never depend on this script.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
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

const hex = (rgb: readonly number[]): string => `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('').toUpperCase()}`;
const svgNumber = (value: number): string => String(Math.round(value * 100) / 100);

/**
 * The colour icon as SVG on a 100×100 grid, from the same proportions as `drawWheel`: the ring as
 * one stroked circle, the spokes as two stroked diagonals from ring to ring, the hub on top.
 */
export function wheelSvg(): string {
  const shape = shapes.color;
  const half = 50;
  const ringRadius = ((shape.ringOuter + shape.ringInner) / 2) * half;
  const ringWidth = (shape.ringOuter - shape.ringInner) * half;
  const reach = (shape.ringInner * half) / Math.SQRT2;
  const [low, high] = [svgNumber(half - reach), svgNumber(half + reach)];
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">',
    `<rect width="100" height="100" fill="${hex(accentRgb)}"/>`,
    `<g fill="none" stroke="#FFFFFF">`,
    `<circle cx="50" cy="50" r="${svgNumber(ringRadius)}" stroke-width="${svgNumber(ringWidth)}"/>`,
    `<path d="M${low} ${low}L${high} ${high}M${high} ${low}L${low} ${high}" stroke-width="${svgNumber(shape.spokeHalfWidth * 2 * half)}"/>`,
    '</g>',
    `<circle cx="50" cy="50" r="${svgNumber(shape.hub * half)}" fill="#FFFFFF"/>`,
    '</svg>',
    '',
  ].join('\n');
}

/** Where the tab's favicon lives: Vite copies tab/public/ to the root of the built tab. */
export const faviconPath = fileURLToPath(new URL('../tab/public/favicon.svg', import.meta.url));

/** Writes color.png and outline.png into `directory`, and the tab's favicon. */
export function writeIcons(directory: string): void {
  writeFileSync(join(directory, 'color.png'), PNG.sync.write(drawWheel({ size: 192, variant: 'color' })));
  writeFileSync(join(directory, 'outline.png'), PNG.sync.write(drawWheel({ size: 32, variant: 'outline' })));
  mkdirSync(dirname(faviconPath), { recursive: true });
  writeFileSync(faviconPath, wheelSvg());
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeIcons(dirname(fileURLToPath(import.meta.url)));
}

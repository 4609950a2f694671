import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { drawWheel, faviconPath, wheelSvg } from './generate-icons';

const here = dirname(fileURLToPath(import.meta.url));
const read = (name: string): PNG => PNG.sync.read(readFileSync(join(here, name)));

function pixels(png: PNG): { r: number; g: number; b: number; a: number }[] {
  const result = [];
  for (let i = 0; i < png.data.length; i += 4) {
    result.push({ r: png.data[i] ?? 0, g: png.data[i + 1] ?? 0, b: png.data[i + 2] ?? 0, a: png.data[i + 3] ?? 0 });
  }
  return result;
}

describe('app icons', () => {
  it('color.png is 192×192 and fully opaque', () => {
    const color = read('color.png');
    expect([color.width, color.height]).toEqual([192, 192]);
    expect(pixels(color).every((p) => p.a === 255)).toBe(true);
  });

  it('outline.png is 32×32, white on transparent and nothing else', () => {
    const outline = read('outline.png');
    expect([outline.width, outline.height]).toEqual([32, 32]);
    const all = pixels(outline);
    expect(all.every((p) => p.a === 0 || (p.r === 255 && p.g === 255 && p.b === 255))).toBe(true);
    expect(all.filter((p) => p.a === 0).length).toBeGreaterThan(all.length / 4);
    expect(all.filter((p) => p.a === 255).length).toBeGreaterThan(all.length / 10);
    // the corners are background
    expect([all[0]?.a, all[31]?.a, all[32 * 31]?.a, all[32 * 32 - 1]?.a]).toEqual([0, 0, 0, 0]);
  });

  it('the committed icons are what generate-icons draws', () => {
    expect(read('color.png').data.equals(drawWheel({ size: 192, variant: 'color' }).data)).toBe(true);
    expect(read('outline.png').data.equals(drawWheel({ size: 32, variant: 'outline' }).data)).toBe(true);
  });

  it('the tab\'s favicon is the colour wheel as SVG, as generate-icons draws it', () => {
    const favicon = readFileSync(faviconPath, 'utf8');
    expect(favicon).toBe(wheelSvg());
    expect(favicon).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 100 100">/);
    expect(favicon).toContain('fill="#1F6F5C"');
    // ring, spokes and hub, as in color.png
    expect(favicon.match(/<circle /g)).toHaveLength(2);
    expect(favicon).toMatch(/<path d="M[\d.]+ [\d.]+L[\d.]+ [\d.]+M[\d.]+ [\d.]+L[\d.]+ [\d.]+"/);
  });
});

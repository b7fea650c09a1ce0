import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { draw } from '../../android/phone/paint.ts';
import { bundledScreens, FIXTURES, WIDTH } from '../../scripts/screens.ts';

/**
 * The look test: every bundled phone screen drawn again and compared with its reference picture in
 * tests/fixtures/screens (written by `npx tsx scripts/screens.ts`). Tolerance: a screen passes when
 * at most 0.5% of its pixels differ by more than 32 (of 255) in any channel, room for a Skia or
 * font-hinting change between machines, none for a moved box, a changed colour or another text.
 */
const TOLERANCE = { share: 0.005, channel: 32 };

async function pixelsOf(png: Buffer): Promise<Uint8ClampedArray> {
  const img = await loadImage(png);
  const c = createCanvas(img.width, img.height);
  const g = c.getContext('2d');
  g.drawImage(img, 0, 0);
  return g.getImageData(0, 0, img.width, img.height).data;
}

/** The share of pixels where some channel differs by more than the tolerance. */
export function differing(a: Uint8ClampedArray, b: Uint8ClampedArray): number {
  if (a.length !== b.length) return 1;
  let n = 0;
  for (let i = 0; i < a.length; i += 4) {
    if (Math.abs(a[i]! - b[i]!) > TOLERANCE.channel || Math.abs(a[i + 1]! - b[i + 1]!) > TOLERANCE.channel || Math.abs(a[i + 2]! - b[i + 2]!) > TOLERANCE.channel) n++;
  }
  return n / (a.length / 4);
}

describe('the look of every bundled phone screen', () => {
  it('matches its reference picture (<= 0.5% of pixels off by > 32 in a channel)', async () => {
    const screens = await bundledScreens();
    expect(screens.length).toBeGreaterThan(50);
    const failures: string[] = [];
    for (const s of screens) {
      const file = join(FIXTURES, s.name);
      if (!existsSync(file)) {
        failures.push(`${s.name}: no reference picture`);
        continue;
      }
      const canvas = draw(s.scene, WIDTH);
      const now = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      const share = differing(now, await pixelsOf(readFileSync(file)));
      if (share > TOLERANCE.share) failures.push(`${s.name}: ${(share * 100).toFixed(2)}% of pixels differ`);
    }
    const names = new Set(screens.map((s) => s.name));
    for (const f of readdirSync(FIXTURES)) if (!names.has(f)) failures.push(`${f}: a reference picture for a screen no scenario reaches`);
    // Rerun `npx tsx scripts/screens.ts` when the change is on purpose, and look at the pictures it rewrites.
    expect(failures, `screens that look different (rerun npx tsx scripts/screens.ts if on purpose):\n${failures.join('\n')}`).toEqual([]);
  }, 600_000);

  it('notices a changed colour, and lets antialiasing noise through', () => {
    const a = new Uint8ClampedArray(4 * 1000).fill(200);
    const b = a.slice();
    for (let i = 0; i < 4 * 4; i += 4) b[i] = 240; // 4 pixels 40 off: 0.4%
    expect(differing(a, b)).toBeCloseTo(0.004);
    for (let i = 0; i < b.length; i += 4) b[i] = 220; // every pixel 20 off: within the channel tolerance
    expect(differing(a, b)).toBe(0);
  });
});

import { createHash } from 'node:crypto';
import { paint, paintAsync, type ImageFormat } from './paint.ts';
import { sceneOf, type Scene } from './scene.ts';
import type { UiNode } from './ui.ts';

/**
 * Screenshots of the virtual phone: the screen's scene (scene.ts) painted on a Skia canvas
 * (paint.ts), in a few milliseconds and in this process. The one renderer: models, the viewer
 * (render.ts shows this picture under its hit boxes) and `tripwire screen --png` all get it.
 */

/** CSS px of the phone's screen: scale 3 gives the phone's own 1080x2400, 1.5 gives 540x1200. */
export const CSS_WIDTH = 360;
export const SCALE = 3;
/** Pictures kept by scene: most actions leave the screen as it was, and trials repeat screens. */
const CACHE_BYTES = Number(process.env.TRIPWIRE_SCREENSHOT_CACHE_MB ?? 64) * 1024 * 1024;

export interface ScreenshotOptions {
  /** Device pixels per CSS px: 3 (default) gives 1080x2400; 1.5 gives 540x1200, what vision models take. */
  scale?: number;
  /** png (default), or jpeg / webp for a model API that takes them (PNG encodes fastest here: see bench/phone.ts). */
  format?: ImageFormat;
  /** JPEG and WebP quality, 0-100 (default 80). */
  quality?: number;
}

const cache = new Map<string, Buffer>();
let cached = 0;
export const screenshotStats = { hits: 0, draws: 0 };

function remember(key: string, image: Buffer): void {
  cache.set(key, image);
  cached += image.length;
  for (const [old, img] of cache) {
    if (cached <= CACHE_BYTES) break;
    cached -= img.length;
    cache.delete(old);
  }
}

function keyOf(scene: Scene, options: ScreenshotOptions): string {
  const scale = options.scale ?? SCALE;
  if (!(scale > 0 && scale <= 4)) throw new Error(`screenshot scale must be in (0, 4], got ${scale}`);
  return createHash('sha1').update(`${scale} ${options.format ?? 'png'} ${options.quality ?? ''}\n`).update(JSON.stringify(scene)).digest('hex');
}

function kept(key: string): Buffer | undefined {
  const hit = cache.get(key);
  if (!hit) return undefined;
  screenshotStats.hits++;
  cache.delete(key);
  cache.set(key, hit); // most recently used
  return hit;
}

const paintOptions = (options: ScreenshotOptions) => ({ width: Math.round(CSS_WIDTH * (options.scale ?? SCALE)), format: options.format ?? 'png', quality: options.quality });

/** A picture of a scene, painted on the calling thread; the same scene at the same size and format is painted once. */
export function screenshotScene(scene: Scene, options: ScreenshotOptions = {}): Buffer {
  const key = keyOf(scene, options);
  const hit = kept(key);
  if (hit) return hit;
  screenshotStats.draws++;
  const image = paint(scene, paintOptions(options));
  remember(key, image);
  return image;
}

/** Pictures being encoded, by key: a second ask for one waits for the same encoding. */
const inFlight = new Map<string, Promise<Buffer>>();

/**
 * A picture of a laid-out screen (composeScreen's `display`), encoded off the event loop (paintAsync):
 * many episodes asking at once use every core.
 */
export async function screenshot(display: UiNode, options: ScreenshotOptions = {}): Promise<Buffer> {
  const scene = sceneOf(display);
  const key = keyOf(scene, options);
  const hit = kept(key) ?? inFlight.get(key);
  if (hit) {
    if (hit instanceof Promise) screenshotStats.hits++;
    return hit;
  }
  screenshotStats.draws++;
  const painting = paintAsync(scene, paintOptions(options));
  inFlight.set(key, painting);
  try {
    const image = await painting;
    remember(key, image);
    return image;
  } finally {
    inFlight.delete(key);
  }
}

/** Forgets the kept pictures (nothing else is held: no browser, no process). */
export async function closeScreenshots(): Promise<void> {
  cache.clear();
  cached = 0;
}

/** Width and height of a PNG, from its IHDR chunk; undefined when it is not a PNG. */
export function pngSize(png: Buffer): { width: number; height: number } | undefined {
  const signature = '89504e470d0a1a0a';
  if (png.length < 24 || png.subarray(0, 8).toString('hex') !== signature || png.subarray(12, 16).toString('latin1') !== 'IHDR') return undefined;
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

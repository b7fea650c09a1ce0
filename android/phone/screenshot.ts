import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserType, CDPSession, Page } from 'playwright';
import { CSS_HEIGHT, CSS_WIDTH, SCALE } from './render.ts';

/**
 * Screenshots of rendered phone screens in headless Chromium, through Playwright. One browser is
 * launched on first use and shared by every caller in the process; a few pages are reused, each
 * drawing one screen at a time. The browser closes when the process exits (Playwright kills it on
 * exit and on SIGINT/SIGTERM), on `closeScreenshots()`, or after IDLE_MS without a screenshot, so a
 * script that forgets to close it still ends.
 */

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
/** Pages drawing at once (as many as the machine has cores, at least two); more callers wait for one. */
const POOL = Math.max(2, Number(process.env.TRIPWIRE_SCREENSHOT_PAGES ?? availableParallelism()));
/** Screenshots kept by screen content: most actions leave the screen as it was, and trials repeat screens. */
const CACHE_BYTES = Number(process.env.TRIPWIRE_SCREENSHOT_CACHE_MB ?? 64) * 1024 * 1024;
const IDLE_MS = Number(process.env.TRIPWIRE_SCREENSHOT_IDLE_MS ?? 30_000);

export interface ScreenshotOptions {
  /**
   * Device pixels per CSS pixel: 3 (default) gives the phone's 1080x2400; 1.5 gives 540x1200,
   * smaller and faster for a model's image input.
   */
  scale?: number;
}

/** Playwright, loaded on first use: importing it takes most of a second, which a run without screenshots should not pay. */
let playwright: Promise<BrowserType> | undefined;
const loadChromium = () => (playwright ??= import('playwright').then((m) => m.chromium));

/** Playwright's own Chromium when a user installed it (`npx playwright install chromium`), else Debian's. */
export async function chromiumPath(): Promise<string | undefined> {
  const chromium = await loadChromium();
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // Playwright knows no browser for this platform: fall through.
  }
  return existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined;
}

interface Slot {
  page: Page;
  cdp: CDPSession;
  scale: number;
}

let browser: Promise<Browser> | undefined;
let slots: Slot[] = [];
let idle: Slot[] = [];
const waiting: (() => void)[] = [];
let opening = 0;
let timer: NodeJS.Timeout | undefined;

function launch(): Promise<Browser> {
  const launched = (async () => {
    const executablePath = await chromiumPath();
    if (!executablePath) throw new Error(`no Chromium found: run \`npm run setup\` (installs Debian's chromium) or \`npx playwright install chromium\``);
    return (await loadChromium()).launch({ executablePath, args: ARGS, headless: true });
  })();
  launched.then((b) => b.on('disconnected', () => forget(launched)), () => forget(launched));
  return launched;
}

function forget(which: Promise<Browser>): void {
  if (browser !== which) return;
  browser = undefined;
  slots = [];
  idle = [];
  clearTimeout(timer);
}

async function acquire(scale: number): Promise<Slot> {
  for (;;) {
    const free = idle.findIndex((s) => s.scale === scale);
    if (free >= 0) return idle.splice(free, 1)[0]!;
    // Room for one more page, or an idle page of another scale to replace.
    const stale = slots.length + opening >= POOL ? idle.shift() : undefined;
    if (slots.length + opening < POOL || stale) {
      opening++;
      try {
        if (stale) {
          slots = slots.filter((s) => s !== stale);
          await stale.page.close().catch(() => {});
        }
        browser ??= launch();
        const b = await browser;
        const page = await b.newPage({ viewport: { width: CSS_WIDTH, height: CSS_HEIGHT }, deviceScaleFactor: scale, javaScriptEnabled: false });
        const slot = { page, cdp: await page.context().newCDPSession(page), scale };
        slots.push(slot);
        return slot;
      } finally {
        opening--;
      }
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
}

function release(slot: Slot): void {
  if (slots.includes(slot)) idle.push(slot);
  waiting.shift()?.();
  clearTimeout(timer);
  if (IDLE_MS > 0) {
    timer = setTimeout(() => {
      if (opening === 0 && idle.length === slots.length) void closeScreenshots();
    }, IDLE_MS).unref();
  }
}

export interface Capture {
  png: Buffer;
  /** The DOM the PNG was drawn from, serialized (`page.content()`). */
  dom: string;
}

async function capture(html: string, options: ScreenshotOptions, withDom: boolean): Promise<Capture> {
  const scale = options.scale ?? SCALE;
  if (!(scale > 0 && scale <= 4)) throw new Error(`screenshot scale must be in (0, 4], got ${scale}`);
  const slot = await acquire(scale);
  try {
    await slot.page.setContent(html, { waitUntil: 'load' });
    // Straight through CDP, which is ~30% faster than page.screenshot() here (no caret hiding or
    // frame syncing, which a static page does not need). The clip's scale draws at device pixels.
    const clip = { x: 0, y: 0, width: CSS_WIDTH, height: CSS_HEIGHT, scale };
    const { data } = await slot.cdp.send('Page.captureScreenshot', { format: 'png', clip, optimizeForSpeed: true });
    return { png: Buffer.from(data, 'base64'), dom: withDom ? await slot.page.content() : '' };
  } catch (e) {
    // A crashed page is not reused.
    slots = slots.filter((s) => s !== slot);
    await slot.page.close().catch(() => {});
    throw e;
  } finally {
    release(slot);
  }
}

/** PNGs by a digest of (scale, HTML), least recently used first; in-flight draws are shared too. */
const cache = new Map<string, Promise<Buffer>>();
const sizes = new Map<string, number>();
let cached = 0;
export const screenshotStats = { hits: 0, draws: 0 };

function remember(key: string, png: Buffer): void {
  sizes.set(key, png.length);
  cached += png.length;
  for (const [old] of cache) {
    if (cached <= CACHE_BYTES) break;
    if (!sizes.has(old)) continue; // still being drawn
    cached -= sizes.get(old)!;
    sizes.delete(old);
    cache.delete(old);
  }
}

/**
 * A PNG of an HTML document at 360x800 CSS px (1080x2400 at the default scale). The same document
 * at the same scale is drawn once: the screen is a pure function of its HTML.
 */
export function screenshotHtml(html: string, options: ScreenshotOptions = {}): Promise<Buffer> {
  const key = createHash('sha1').update(`${options.scale ?? SCALE}\n${html}`).digest('hex');
  const hit = cache.get(key);
  if (hit) {
    screenshotStats.hits++;
    cache.delete(key);
    cache.set(key, hit); // most recently used
    return hit;
  }
  screenshotStats.draws++;
  const drawn = capture(html, options, false).then((c) => c.png);
  cache.set(key, drawn);
  drawn.then((png) => remember(key, png), () => cache.delete(key));
  return drawn;
}

/** The PNG and the DOM it was drawn from: for tests and for checking what a screenshot shows. */
export function captureHtml(html: string, options: ScreenshotOptions = {}): Promise<Capture> {
  return capture(html, options, true);
}

const holders = new Set<object>();

/** Marks an owner (a device) as using the shared browser; see releaseScreenshots. */
export function holdScreenshots(owner: object): void {
  holders.add(owner);
}

/** The owner is done: the browser closes when no owner holds it any more. */
export async function releaseScreenshots(owner: object): Promise<void> {
  if (!holders.delete(owner) || holders.size > 0) return;
  await closeScreenshots();
}

/** Closes the shared browser; the next screenshot launches it again. */
export async function closeScreenshots(): Promise<void> {
  const b = browser;
  if (!b) return;
  forget(b);
  waiting.splice(0).forEach((w) => w());
  await (await b.catch(() => undefined))?.close().catch(() => {});
}

/** Width and height of a PNG, from its IHDR chunk; undefined when it is not a PNG. */
export function pngSize(png: Buffer): { width: number; height: number } | undefined {
  const signature = '89504e470d0a1a0a';
  if (png.length < 24 || png.subarray(0, 8).toString('hex') !== signature || png.subarray(12, 16).toString('latin1') !== 'IHDR') return undefined;
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/**
 * `npm run setup`: makes sure a Chromium exists (and, through clients.ts, the e2e tests' adb and Selenium). With neither Playwright's browser nor
 * /usr/bin/chromium, installs Debian's `chromium` package (and fonts) with apt-get; idempotent.
 */
async function ensureChromium(): Promise<number> {
  const found = await chromiumPath();
  if (found) return 0;
  const apt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  const root = process.getuid?.() === 0;
  if (!apt || !root) {
    console.error(`tripwire: no Chromium found for phone screenshots. Install one: ${apt ? 'sudo apt-get install chromium' : 'npx playwright install chromium'}`);
    return 1;
  }
  console.error('tripwire: installing Chromium (Debian package) for phone screenshots ...');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const script = 'apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium fonts-liberation fonts-dejavu-core';
  const run = spawnSync('sh', ['-c', script], { env, encoding: 'utf8' });
  if (run.status !== 0 || !(await chromiumPath())) {
    const why = run.status === 0 ? `apt-get succeeded but ${DEBIAN_CHROMIUM} is still missing` : `apt-get failed (exit ${run.status ?? run.signal})`;
    console.error(`tripwire: installing chromium: ${why}\n${(run.stderr || run.stdout || '').slice(-2000)}`);
    return 1;
  }
  console.error(`tripwire: Chromium installed at ${await chromiumPath()}`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href && process.argv.includes('--setup')) {
  const { ensureClients } = await import('./clients.ts');
  const chromium = await ensureChromium();
  process.exitCode = ensureClients() || chromium;
}

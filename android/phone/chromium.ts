import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/**
 * Where a Chromium is, for what still drives a real browser: the viewer's and the reports' browser
 * tests, the emulator's web tests, Selenium. The phone's screenshots do not need one (paint.ts draws
 * them); `npm run setup` still installs one so the e2e tests run.
 */

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** Playwright's own Chromium when a user installed it (`npx playwright install chromium`), else Debian's. */
export async function chromiumPath(): Promise<string | undefined> {
  // Loaded on first use: importing Playwright takes most of a second.
  const { chromium } = await import('playwright');
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // Playwright knows no browser for this platform: fall through.
  }
  return existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined;
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
    console.error(`tripwire: no Chromium found for the browser tests. Install one: ${apt ? 'sudo apt-get install chromium' : 'npx playwright install chromium'}`);
    return 1;
  }
  console.error('tripwire: installing Chromium (Debian package) for the browser tests ...');
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

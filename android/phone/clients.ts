import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Clients nobody here wrote, that the e2e tests drive the phone's doors with: Debian's `adb` (the
 * adb door) and python3-selenium (the Appium door). Debian packages, as Chromium is.
 */
export const CLIENTS = [
  { pkg: 'adb', path: '/usr/bin/adb' },
  { pkg: 'python3-selenium', path: '/usr/lib/python3/dist-packages/selenium' },
] as const;

/** `npm run setup`: installs whichever of the clients is missing with apt-get (as root); idempotent. */
export function ensureClients(): number {
  const missing = CLIENTS.filter((c) => !existsSync(c.path)).map((c) => c.pkg);
  if (missing.length === 0) return 0;
  const apt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!apt || process.getuid?.() !== 0) {
    console.error(`tripwire: the e2e tests need ${missing.join(' and ')}: ${apt ? `sudo apt-get install ${missing.join(' ')}` : 'install them with your package manager'}`);
    return 1;
  }
  console.error(`tripwire: installing ${missing.join(', ')} (Debian packages) for the e2e tests ...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = spawnSync('sh', ['-c', `apt-get update -qq && apt-get install -y -qq --no-install-recommends ${missing.join(' ')}`], { env, encoding: 'utf8' });
  const still = CLIENTS.filter((c) => !existsSync(c.path)).map((c) => c.pkg);
  if (run.status !== 0 || still.length) {
    console.error(`tripwire: installing ${missing.join(', ')} failed (exit ${run.status ?? run.signal})\n${(run.stderr || run.stdout || '').slice(-2000)}`);
    return 1;
  }
  return 0;
}

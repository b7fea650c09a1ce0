import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline/promises';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TripwireError } from '../../src/public/index.ts';
import { emulatorChecks } from './doctor.ts';
import { FIX } from './sdk.ts';

/** The `appium` executable: the project's own (node_modules/.bin, found as Node finds packages), else one on PATH. */
export function findAppium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  // Searched upwards: this file runs from the sources or from dist/, and the package may be a dependency.
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const own = join(dir, 'node_modules', '.bin', 'appium');
    if (existsSync(own)) return own;
    if (dirname(dir) === dir) break;
  }
  return (env.PATH ?? '').split(delimiter).map((d) => join(d, 'appium')).find((p) => existsSync(p));
}

const freePort = () => new Promise<number>((resolve, reject) => {
  const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address() as { port: number }; s.close(() => resolve(port)); });
  s.once('error', reject);
});

export interface StartedAppium {
  url: string;
  close(): void;
}

/**
 * Starts an Appium server for the emulators (UiAutomator2 needs its `adb_shell` insecure feature
 * for `mobile: shell`), and resolves once `GET /status` answers. One per Tripwire process.
 */
export async function startAppiumServer(appium: string, options: { tries?: number; pollMs?: number } = {}): Promise<StartedAppium> {
  const port = await freePort();
  const child: ChildProcess = spawn(appium, ['--address', '127.0.0.1', '--port', String(port), '--allow-insecure', 'uiautomator2:adb_shell', '--log-level', 'error'], { stdio: 'ignore' });
  let exited: number | null | undefined;
  child.once('exit', (code) => (exited = code));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < (options.tries ?? 60); i++) {
    if (exited !== undefined) throw new TripwireError('device-unavailable', `Appium (${appium}) exited with code ${exited} before it was ready`);
    const ok = await fetch(`${url}/status`).then((r) => r.ok, () => false);
    if (ok) return { url, close: () => void child.kill() };
    await new Promise((r) => setTimeout(r, options.pollMs ?? 500));
  }
  child.kill();
  throw new TripwireError('device-unavailable', `Appium (${appium}) did not answer on ${url}/status`);
}

/** Installing the UiAutomator2 driver after asking: on a terminal a question, otherwise the command. */
export async function ensureDriver(): Promise<void> {
  if (emulatorChecks().find((c) => c.what.includes('UiAutomator2'))!.ok) return;
  if (!process.stdin.isTTY) throw new TripwireError('device-unavailable', `the Appium UiAutomator2 driver is not installed: ${FIX.uiautomator2}`);
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  const answer = await rl.question(`The Appium UiAutomator2 driver is not installed. Install it now (${FIX.uiautomator2})? [y/N] `);
  rl.close();
  if (!/^y(es)?$/i.test(answer.trim())) throw new TripwireError('device-unavailable', `the UiAutomator2 driver is needed: ${FIX.uiautomator2}`);
  if (spawnSync('npx', ['appium', 'driver', 'install', 'uiautomator2'], { stdio: 'inherit' }).status !== 0) throw new TripwireError('device-unavailable', `installing the driver failed; run: ${FIX.uiautomator2}`);
}

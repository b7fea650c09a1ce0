import { TripwireError } from '../../src/public/index.ts';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { guard } from './guard.ts';
import { setEpisodeHost, type EpisodeHost } from '../episodes/host.ts';

export interface AppiumServerOptions {
  port?: number;
  host?: string;
  /** Where sessions with `tripwire:scenario` become episodes; without it only bare device sessions are served. */
  episodes?: EpisodeHost;
  /** Appium's log level (default: errors only). */
  logLevel?: string;
  /**
   * Allows UiAutomator2's shell commands on device sessions (`mobile: shell`,
   * `mobile: execEmuConsoleCommand`), for a run that seeds and reads the phone as it would an
   * emulator. Off by default, as Appium's own insecure features are; episode sessions never get them.
   */
  shell?: boolean;
  /** Lets the process exit while the server is up (a server a run started for itself, closed with the process). */
  unref?: boolean;
}

export interface RunningAppium {
  url: string;
  port: number;
  close(): Promise<void>;
}

interface AppiumHttpServer {
  address(): { port: number } | string | null;
  close(): Promise<void>;
  unref(): void;
  on(event: 'connection', listener: (socket: { unref(): void }) => void): void;
  on(event: 'request', listener: (req: IncomingMessage, res: ServerResponse) => void): void;
  listeners(event: 'request'): ((req: IncomingMessage, res: ServerResponse) => void)[];
  removeAllListeners(event: 'request'): unknown;
}

const APPIUM: string = 'appium';
/** The driver's folder (android/driver/, a package Appium loads by path: its package.json names the entry). */
const DRIVER_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'driver');

/**
 * A real Appium 3 server with Tripwire's driver, in this process. It gets an APPIUM_HOME of its own
 * (a temporary folder whose node_modules links this driver package), so it never reads or changes
 * the user's Appium installation; Appium registers the driver from there at start.
 */
export async function startAppium(options: AppiumServerOptions = {}): Promise<RunningAppium> {
  const home = await mkdtemp(join(tmpdir(), 'tripwire-appium-'));
  await mkdir(join(home, 'node_modules'));
  await writeFile(join(home, 'package.json'), JSON.stringify({ name: 'tripwire-appium-home', private: true }));
  await symlink(DRIVER_DIR, join(home, 'node_modules', 'tripwire-appium-driver'), 'dir');
  if (options.episodes) setEpisodeHost(home, options.episodes);
  const host = options.host ?? '127.0.0.1';
  let server: AppiumHttpServer | undefined;
  try {
    // Imported by a computed name: appium's own typings ship .ts sources that tsc cannot check here.
    const { main } = (await import(APPIUM)) as { main(args: unknown): Promise<AppiumHttpServer | undefined> };
    const before = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') };
    server = await main({
      port: options.port ?? 4723, address: host, appiumHome: home, useDrivers: ['tripwire'],
      loglevel: (options.logLevel ?? 'error') as never, relaxedSecurityEnabled: false,
      ...(options.shell ? { allowInsecure: ['tripwire:adb_shell', 'tripwire:emulator_console'] } : { denyInsecure: ['*:adb_shell', '*:emulator_console'] }),
    } as never);
    // Appium's main exits the process on SIGINT/SIGTERM; the run that started it must write its report first.
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      for (const l of process.listeners(signal)) if (!before[signal].includes(l)) process.removeListener(signal, l);
    }
  } catch (e) {
    setEpisodeHost(home, undefined);
    await rm(home, { recursive: true, force: true });
    throw e;
  }
  if (!server) throw new TripwireError('device-unavailable', 'Appium did not start a server');
  const running = server;
  guard(running, host, (running.address() as { port: number }).port);
  if (options.unref) {
    running.unref();
    running.on('connection', (socket) => socket.unref());
  }
  const address = running.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 4723);
  return {
    url: `http://${host}:${port}`,
    port,
    async close() {
      await running.close();
      if (options.episodes) setEpisodeHost(home, undefined);
      await rm(home, { recursive: true, force: true });
    },
  };
}

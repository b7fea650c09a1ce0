import { TripwireError } from '../../src/public/index.ts';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
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

const require = createRequire(import.meta.url);

/** Appium's --log-level (winston's levels; a `console:file` pair is left alone) to the least npmlog level its console still shows. */
const SHOWN_FROM: Record<string, number> = { error: 5000, warn: 4000 };

/** The npmlog Appium logs through (one per process), and the least level each running server shows. */
interface NpmLog {
  _levels: Record<string, number>;
  log(level: string, ...args: unknown[]): void;
}
const npmlog = (require('@appium/logger') as { default: NpmLog }).default;
const shownFrom = new Set<{ level: number }>();
let least = Infinity;

/**
 * Appium formats, masks, records and hands to winston every message at every level, then winston
 * drops those under the console's level: at 'error' that is every command's dozen info and debug
 * lines. With no file or webhook destination (a Tripwire server has neither), a message under the
 * level of every running server reaches nobody, so it is dropped before the formatting. Appium's log
 * set-up is per process too (its main re-initialises the one logger), so this is set per process by
 * the most verbose server running, and put back when none is.
 */
function quietLogs(level: number): () => void {
  const entry = { level };
  const update = () => (least = Math.min(...[...shownFrom].map((e) => e.level)));
  shownFrom.add(entry);
  update();
  const gate: NpmLog['log'] = function (this: NpmLog, name, ...args) {
    if ((npmlog._levels[name] ?? Infinity) < least) return;
    (Object.getPrototypeOf(npmlog) as NpmLog).log.call(this, name, ...args);
  };
  if (!Object.hasOwn(npmlog, 'log')) npmlog.log = gate;
  return () => {
    shownFrom.delete(entry);
    update();
    if (!shownFrom.size) delete (npmlog as Partial<NpmLog>).log;
  };
}

/**
 * Appium's request log (morgan, twice a request: `-->` with the body, `<--` with the status) writes at
 * info level only, and builds its `<--` line's formatter anew (new Function) for every response; a
 * server that shows no info lines takes both out of its express stack.
 */
function dropRequestLog(handler: unknown): void {
  const logging = require('@appium/base-driver/build/lib/express/express-logging.js') as { startLogFormatter: unknown; endLogFormatter: unknown };
  const router = (handler as { router?: { stack: { handle: unknown }[] } }).router;
  if (!router) return;
  router.stack = router.stack.filter((l) => l.handle !== logging.startLogFormatter && l.handle !== logging.endLogFormatter);
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
  const level = SHOWN_FROM[options.logLevel ?? 'error'];
  // A server showing more than warnings (or writing a `console:file` pair) keeps every message while it runs.
  const restoreLogs = quietLogs(level ?? -Infinity);
  for (const h of running.listeners('request')) {
    if (level !== undefined) dropRequestLog(h);
    // Express hashes every answer for an ETag (a page source is tens of kB); no WebDriver client sends If-None-Match.
    (h as { set?: (name: string, value: unknown) => void }).set?.('etag', false);
  }
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
      restoreLogs();
      if (options.episodes) setEpisodeHost(home, undefined);
      await rm(home, { recursive: true, force: true });
    },
  };
}

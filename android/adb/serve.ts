import { TripwireError } from '../../src/public/index.ts';
import { createServer, type Socket } from 'node:net';
import type { LiveRun } from '../../src/public/index.ts';
import { liveEpisodes } from '../episodes/episodes.ts';
import { AdbConnection } from './connection.ts';

export interface AdbServeOptions {
  run: LiveRun;
  /** The phone scenarios served: connection n plays scenario n mod their number (trial n div it, plus one). */
  phoneScenarios: string[];
  port?: number;
  host?: string;
  /** The agent name in the results (default `adb`). */
  agent?: string;
}

export interface RunningAdb {
  /** The device's serial as adb names it: `127.0.0.1:5555`. */
  serial: string;
  port: number;
  close(): Promise<void>;
}

/**
 * `tripwire adb`: the virtual phone as an adb device over TCP (what `adb connect host:port` speaks).
 * Each connection is one graded episode of `run`; the agent ends it with `adb shell tripwire
 * finish|refuse|ask`, and a connection that closes before that ends its episode with the reason.
 */
export async function serveAdb(o: AdbServeOptions): Promise<RunningAdb> {
  if (o.phoneScenarios.length === 0) throw new TripwireError('usage', 'no phone scenarios to serve');
  const episodes = liveEpisodes(o.run, new Set(o.phoneScenarios));
  const sockets = new Set<Socket>();
  let connections = 0;
  const server = createServer((socket) => {
    sockets.add(socket);
    const n = connections++;
    const scenario = o.phoneScenarios[n % o.phoneScenarios.length]!;
    const trial = Math.floor(n / o.phoneScenarios.length) + 1;
    // Bytes that arrive while the episode opens are kept and handed on.
    const early: Buffer[] = [];
    const keep = (b: Buffer) => early.push(b);
    socket.on('data', keep);
    socket.on('error', () => socket.destroy());
    const opened = episodes.open({ scenario, agent: o.agent ?? 'adb', trial, via: 'adb shell' }, `adb-${n}`);
    opened.then((episode) => {
      const closed = () => {
        sockets.delete(socket);
        void episode.end({ deleted: false, reason: 'the adb connection closed before tripwire finish, refuse or ask' }).catch(() => {});
      };
      if (socket.destroyed) return closed();
      socket.once('close', closed);
      socket.off('data', keep);
      new AdbConnection(socket, episode.backend, () => Date.parse(String((episode.backend.device as unknown as { context?: { now?: string } }).context?.now ?? 0)) || 0);
      for (const b of early) socket.emit('data', b);
    }, () => socket.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 5555, o.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (o.port ?? 5555);
  return {
    serial: `${o.host && o.host !== '0.0.0.0' ? o.host : '127.0.0.1'}:${port}`,
    port,
    async close() {
      for (const s of sockets) s.destroy();
      await episodes.closeAll('the adb server shut down');
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

import { createServer, type Socket } from 'node:net';
import type { AgentChannel } from '../../src/public/index.ts';
import { backendOf } from '../episodes/screen.ts';
import { AdbConnection } from './connection.ts';

/**
 * An adb device for one exec agent's episode: a loopback port of its own (its serial is
 * `127.0.0.1:<port>`, given to the program as ANDROID_SERIAL); every connection to it drives that
 * episode's phone, whose state the grader keeps (the shell reads the screen and acts; pm and
 * content are not there). Closed with the episode.
 */
export async function adbEndpoint(channel: AgentChannel): Promise<{ serial: string; close(): void }> {
  const sockets = new Set<Socket>();
  const backend = backendOf(channel, 'adb shell');
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    new AdbConnection(socket, backend, () => 0);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  server.unref();
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    serial: `127.0.0.1:${port}`,
    close() {
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
}

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { serializeMessage, type JSONRPCMessage, type Transport } from '@modelcontextprotocol/client';

/**
 * Starting a stdio MCP server without stopping the run. A Node process starts a program by forking
 * itself, and the fork copies its page tables and waits for the program's exec, its event loop
 * stopped all the while: ~80 ms for a run's process on a quiet machine, several hundred under load
 * (it grows with the process's memory), and a run starts one server per worker at once (32 bridges:
 * seconds with every episode stopped). So servers are started by a small Node process of their own
 * (the spawner, started once, ~40 MB: its forks are short, and they stop only it). The server's
 * stdin and stdout are one end of a local socket whose other end is this process's: messages go
 * straight between the two, never through the spawner. Its stderr, its exit and the signals sent
 * to it go through the spawner's IPC channel.
 *
 * Not on Windows (the standard stdio transport there).
 */
export const spawnerAvailable = process.platform !== 'win32';

/** The spawner's program: plain JavaScript, run by `node -e` with no loader and no variables but its socket's path. */
const SPAWNER = String.raw`
const net = require('node:net');
const { spawn } = require('node:child_process');
const children = new Map();
const send = (m) => { if (process.connected) process.send(m); };
process.on('message', (m) => {
  if (m.kill !== undefined) { children.get(m.kill)?.kill(m.signal); return; }
  const { id, command, args, env, cwd } = m;
  const sock = net.connect(process.env.SPAWNER_SOCKET);
  // Never read: what arrives is the server's to read.
  sock.pause();
  sock.on('error', (e) => send({ id, error: e.message }));
  sock.write(id + '\n', (e) => {
    if (e) return;
    let child;
    try {
      child = spawn(command, args, { env, cwd, stdio: [sock, sock, 'pipe'] });
    } catch (e) {
      sock.destroy();
      return send({ id, error: e.message });
    }
    children.set(id, child);
    child.on('spawn', () => { sock.destroy(); send({ id, pid: child.pid }); });
    child.on('error', (e) => { sock.destroy(); send({ id, error: e.message }); });
    child.stderr.on('data', (c) => send({ id, stderr: c.toString('utf8') }));
    child.on('close', (code, signal) => {
      children.delete(id);
      send({ id, exit: [code, signal] });
      if (!process.connected && children.size === 0) process.exit(0);
    });
  });
});
// This process's parent is gone or done with it: its servers are stopped, and it ends once they have.
process.on('disconnect', () => {
  if (children.size === 0) process.exit(0);
  for (const c of children.values()) c.kill('SIGTERM');
  setTimeout(() => process.exit(0), 2000);
});
`;

interface Pending {
  started: { resolve: (pid: number) => void; reject: (e: Error) => void };
  socket?: Socket;
  pid?: number;
  transport: SpawnedTransport;
}

/** The one spawner of this process, with the local socket servers connect back to. */
class Spawner {
  readonly #child: ChildProcess;
  readonly #server: Server;
  readonly #dir: string;
  readonly #servers = new Map<number, Pending>();
  #next = 1;
  #dead?: Error;

  constructor() {
    this.#dir = mkdtempSync(join(tmpdir(), 'tripwire-spawner-'));
    const path = join(this.#dir, 's');
    this.#server = createServer((socket) => this.#connected(socket));
    this.#server.listen(path);
    this.#server.unref();
    this.#child = spawn(process.execPath, ['-e', SPAWNER], { env: { SPAWNER_SOCKET: path }, stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    this.#child.unref();
    this.#child.channel?.unref();
    this.#child.on('message', (m: SpawnerMessage) => this.#message(m));
    this.#child.on('error', (e) => this.#die(e));
    this.#child.on('exit', () => this.#die(new Error('the MCP server spawner exited')));
  }

  get dead(): boolean {
    return this.#dead !== undefined;
  }

  start(transport: SpawnedTransport, request: { command: string; args: string[]; env: Record<string, string>; cwd: string }): Promise<number> {
    if (this.#dead) return Promise.reject(this.#dead);
    const id = this.#next++;
    return new Promise<number>((resolve, reject) => {
      this.#servers.set(id, { started: { resolve, reject }, transport });
      this.#ref();
      this.#child.send({ id, ...request });
      transport.attach(id, this);
    });
  }

  kill(id: number, signal: NodeJS.Signals): void {
    if (!this.#dead && this.#servers.has(id)) this.#child.send({ kill: id, signal });
  }

  /** The IPC channel keeps this process alive while servers are running (as their pipes did). */
  #ref(): void {
    if (this.#servers.size) this.#child.channel?.ref();
    else this.#child.channel?.unref();
  }

  #connected(socket: Socket): void {
    let head = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      const nl = head.indexOf(10);
      if (nl < 0) return;
      socket.off('data', onData);
      socket.pause();
      const rest = head.subarray(nl + 1);
      if (rest.length) socket.unshift(rest);
      const entry = this.#servers.get(Number(head.subarray(0, nl).toString('latin1')));
      if (!entry || entry.socket) return void socket.destroy();
      entry.socket = socket;
      this.#settle(entry);
    };
    socket.on('data', onData);
    socket.on('error', () => {});
  }

  #message(m: SpawnerMessage): void {
    const entry = this.#servers.get(m.id);
    if (!entry) return;
    if ('pid' in m) {
      entry.pid = m.pid;
      this.#settle(entry);
    } else if ('error' in m) {
      this.#servers.delete(m.id);
      this.#ref();
      entry.socket?.destroy();
      entry.started.reject(new Error(m.error));
    } else if ('stderr' in m) {
      entry.transport.stderr.write(m.stderr);
    } else if ('exit' in m) {
      this.#servers.delete(m.id);
      this.#ref();
      entry.transport.exited(m.exit[0], m.exit[1]);
    }
  }

  /** Started once both its socket has connected and the spawner has seen it run. */
  #settle(entry: Pending): void {
    if (entry.socket && entry.pid !== undefined) entry.started.resolve(entry.pid);
  }

  /** Ends the spawner (its servers, if any are left, stopped) once it has exited. */
  stop(): Promise<void> {
    if (this.#dead) return Promise.resolve();
    const exited = new Promise<void>((r) => this.#child.once('exit', () => r()));
    this.#child.disconnect();
    return exited;
  }

  socketOf(id: number): Socket | undefined {
    return this.#servers.get(id)?.socket;
  }

  #die(e: Error): void {
    if (this.#dead) return;
    this.#dead = e;
    this.#server.close();
    rmSync(this.#dir, { recursive: true, force: true });
    for (const entry of this.#servers.values()) {
      entry.started.reject(e);
      entry.socket?.destroy();
      entry.transport.exited(null, null);
    }
    this.#servers.clear();
    if (spawner === this) spawner = undefined;
  }
}

type SpawnerMessage = { id: number } & ({ pid: number } | { error: string } | { stderr: string } | { exit: [number | null, string | null] });

let spawner: Spawner | undefined;

/**
 * Stops this process's spawner, if it has one, and waits for it to exit (a later server starts
 * another). For benches: the servers' CPU time reaches this process's reaped children's once the
 * spawner that reaped them has exited.
 */
export async function stopSpawner(): Promise<void> {
  await spawner?.stop();
}

/** A line the server writes may be this long at most (the SDK's stdio transport's limit). */
const MAX_BUFFER = 10 * 1024 * 1024;

/**
 * The stdio transport of a server the spawner starts: the SDK's `StdioClientTransport` in what it
 * does (start, send, close with end of input, then SIGTERM, then SIGKILL; `stderr` and `pid`), over
 * the socket. Messages are written with the SDK's `serializeMessage` and read as its `ReadBuffer`
 * reads them (one JSON value a line, a line that is not JSON skipped), except that a message is not
 * checked against the JSON-RPC schema here: the client does that for every message it gets (which
 * kind it is, and its result against the method's schema), and the transport's check was a second
 * zod pass over each (~0.7 ms of Node CPU per Agent-SafetyBench episode).
 */
export class SpawnedTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;
  readonly stderr = new PassThrough();
  readonly #params: { command: string; args: string[]; env: Record<string, string>; cwd: string };
  /** What the server wrote after its last complete line. */
  #buffer?: Buffer;
  #spawner?: Spawner;
  #id = 0;
  #socket?: Socket;
  #pid: number | null = null;
  #exit?: Promise<void>;
  #exited?: () => void;
  #closed = false;

  constructor(params: { command: string; args: string[]; env: Record<string, string>; cwd: string }) {
    this.#params = params;
    this.#exit = new Promise<void>((r) => (this.#exited = r));
  }

  get pid(): number | null {
    return this.#pid;
  }

  attach(id: number, s: Spawner): void {
    this.#id = id;
    this.#spawner = s;
  }

  async start(): Promise<void> {
    if (this.#spawner) throw new Error('SpawnedTransport already started');
    if (!spawner || spawner.dead) spawner = new Spawner();
    const s = spawner;
    this.#pid = await s.start(this, this.#params);
    const socket = s.socketOf(this.#id)!;
    this.#socket = socket;
    socket.on('data', (chunk: Buffer) => {
      if ((this.#buffer?.length ?? 0) + chunk.length > MAX_BUFFER) {
        this.#buffer = undefined;
        this.onerror?.(new Error(`the server wrote a line of more than ${MAX_BUFFER} bytes`));
        void this.close();
        return;
      }
      let buffer = this.#buffer ? Buffer.concat([this.#buffer, chunk]) : chunk;
      for (let nl = buffer.indexOf(10); nl >= 0; nl = buffer.indexOf(10)) {
        const line = buffer.toString('utf8', 0, nl).replace(/\r$/, '');
        buffer = buffer.subarray(nl + 1);
        let message: JSONRPCMessage;
        try {
          message = JSON.parse(line) as JSONRPCMessage;
        } catch {
          continue; // as the SDK's ReadBuffer: a line that is not JSON is skipped
        }
        this.onmessage?.(message);
      }
      this.#buffer = buffer.length ? buffer : undefined;
    });
    socket.on('error', (e) => this.onerror?.(e));
    socket.on('close', () => this.#gone());
    socket.resume();
  }

  /** The server's process ended (told by the spawner). The connection ends with its socket, once what it wrote is read. */
  exited(_code: number | null, _signal: string | null): void {
    this.#exited?.();
    if (!this.#socket) this.#gone();
  }

  #gone(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#socket?.destroy();
    this.onclose?.();
  }

  send(message: JSONRPCMessage): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = this.#socket;
      if (!socket || this.#closed) return reject(new Error('Not connected'));
      if (socket.write(serializeMessage(message))) resolve();
      else socket.once('drain', resolve);
    });
  }

  /** As the SDK's stdio transport: end of input, 2 s to exit, SIGTERM, 2 s, SIGKILL. */
  async close(): Promise<void> {
    const socket = this.#socket;
    if (!socket || !this.#spawner) return;
    const wait = (ms: number) => Promise.race([this.#exit, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), ms).unref())]);
    socket.end();
    if ((await wait(2000)) === 'timeout') {
      this.#spawner.kill(this.#id, 'SIGTERM');
      if ((await wait(2000)) === 'timeout') this.#spawner.kill(this.#id, 'SIGKILL');
    }
    this.#gone();
    this.#buffer = undefined;
  }
}

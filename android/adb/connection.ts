import type { Socket } from 'node:net';
import type { SessionBackend } from '../episodes/backend.ts';
import { A, encode, MAX_PAYLOAD, MessageReader, VERSION, type Message } from './protocol.ts';
import { PhoneShell, PROPS } from './shell.ts';
import { DeviceFiles, SyncService } from './sync.ts';

/** What the device tells the host in its CNXN: its properties, and no features (so the host uses shell:, STAT and LIST). */
const BANNER = `device::ro.product.name=${PROPS['ro.product.name']};ro.product.model=${PROPS['ro.product.model']};ro.product.device=${PROPS['ro.product.device']};features=`;

interface Stream {
  remote: number;
  /** Bytes to send, waiting for the host's OKAY of the last WRTE (one WRTE in flight per stream). */
  queue: Buffer[];
  inFlight: boolean;
  closing: boolean;
  closed?: boolean;
  sync?: SyncService;
}

/**
 * One adb transport (a host that ran `adb connect`) on the virtual phone: CNXN with no
 * authentication, then streams the host OPENs: `shell:<command>` and `exec:<command>` (the phone's
 * shell), `sync:` (push, pull, ls). A shell command runs to its end before the next message is
 * read, so the episode's steps come in the order the host sent them.
 */
export class AdbConnection {
  readonly #socket: Socket;
  readonly #shell: PhoneShell;
  readonly #files: DeviceFiles;
  readonly #streams = new Map<number, Stream>();
  readonly #reader = new MessageReader();
  #nextId = 1;
  #maxData = 4096;
  #work: Promise<void> = Promise.resolve();

  constructor(socket: Socket, backend: SessionBackend, now: () => number) {
    this.#socket = socket;
    this.#files = new DeviceFiles(now);
    this.#shell = new PhoneShell(backend, this.#files);
    socket.setNoDelay(true);
    socket.on('data', (chunk) => {
      let messages: Message[];
      try {
        messages = this.#reader.push(chunk);
      } catch {
        socket.destroy();
        return;
      }
      for (const m of messages) this.#work = this.#work.then(() => this.#handle(m)).catch(() => void socket.destroy());
    });
  }

  #send(command: number, arg0: number, arg1: number, payload?: Buffer): void {
    if (!this.#socket.destroyed) this.#socket.write(encode(command, arg0, arg1, payload));
  }

  async #handle(m: Message): Promise<void> {
    switch (m.command) {
      case A.CNXN:
        this.#maxData = Math.min(MAX_PAYLOAD, m.arg1 || 4096);
        this.#send(A.CNXN, VERSION, MAX_PAYLOAD, Buffer.from(BANNER));
        return;
      case A.OPEN:
        return this.#open(m.arg0, m.payload.toString('utf8').replace(/\0$/, ''));
      case A.OKAY: {
        const s = this.#streams.get(m.arg1);
        if (!s) return;
        s.inFlight = false;
        this.#flush(m.arg1, s);
        return;
      }
      case A.WRTE: {
        const s = this.#streams.get(m.arg1);
        if (!s) return;
        this.#send(A.OKAY, m.arg1, s.remote);
        s.sync?.push(m.payload);
        return;
      }
      case A.CLSE: {
        const s = this.#streams.get(m.arg1);
        if (!s) return;
        this.#streams.delete(m.arg1);
        if (!s.closing) this.#send(A.CLSE, m.arg1, s.remote);
        return;
      }
      default:
        return; // AUTH and anything else: this device asks for no authentication
    }
  }

  async #open(remote: number, service: string): Promise<void> {
    const local = this.#nextId++;
    const stream: Stream = { remote, queue: [], inFlight: false, closing: false };
    const shell = /^(shell(?:,[^:]*)?|exec):(.*)$/s.exec(service);
    if (service === 'sync:') {
      this.#streams.set(local, stream);
      this.#send(A.OKAY, local, remote);
      stream.sync = new SyncService(this.#files, (b) => this.#write(local, b), () => this.#close(local));
      return;
    }
    if (!shell) {
      // An unknown service (reboot:, root:, tcpip:, ...): the host is told by a CLSE with no OKAY.
      this.#send(A.CLSE, 0, remote);
      return;
    }
    this.#streams.set(local, stream);
    this.#send(A.OKAY, local, remote);
    // `adb shell` with no command is an interactive shell: this phone answers one command per stream.
    const command = shell[2]!.trim();
    const { out } = command ? await this.#shell.run(command) : { out: Buffer.from('tripwire: give the command on the line: adb shell <command>\n') };
    this.#write(local, out);
    this.#close(local);
  }

  #write(local: number, data: Buffer): void {
    const s = this.#streams.get(local);
    if (!s) return;
    for (let i = 0; i < data.length; i += this.#maxData) s.queue.push(data.subarray(i, i + this.#maxData));
    this.#flush(local, s);
  }

  #close(local: number): void {
    const s = this.#streams.get(local);
    if (!s) return;
    s.closing = true;
    this.#flush(local, s);
  }

  /** Sends the next WRTE once the last one is OKAYed; CLSE once all is sent. */
  #flush(local: number, s: Stream): void {
    if (s.inFlight) return;
    const next = s.queue.shift();
    if (next) {
      s.inFlight = true;
      this.#send(A.WRTE, local, s.remote, next);
      return;
    }
    if (s.closing && !s.closed) {
      s.closed = true;
      this.#send(A.CLSE, local, s.remote);
    }
  }
}

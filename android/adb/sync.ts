/** The device's files as an agent sees them over adb: what its shell wrote (dumps, screenshots) and what it pushed. */
export class DeviceFiles {
  readonly #files = new Map<string, { data: Buffer; mtime: number }>();
  constructor(readonly now: () => number) {}
  get(path: string): Buffer | undefined {
    return this.#files.get(normal(path))?.data;
  }
  put(path: string, data: Buffer): void {
    this.#files.set(normal(path), { data, mtime: Math.floor(this.now() / 1000) });
  }
  stat(path: string): { mode: number; size: number; mtime: number } | undefined {
    const p = normal(path);
    const f = this.#files.get(p);
    if (f) return { mode: 0o100660, size: f.data.length, mtime: f.mtime };
    // Folders exist where files are, and the usual ones always do.
    if (['/', '/sdcard', '/data', '/data/local', '/data/local/tmp', '/storage', '/storage/emulated', '/storage/emulated/0'].includes(p) || [...this.#files.keys()].some((k) => k.startsWith(`${p}/`))) {
      return { mode: 0o40771, size: 4096, mtime: 0 };
    }
    return undefined;
  }
  list(dir: string): { name: string; mode: number; size: number; mtime: number }[] {
    const p = normal(dir).replace(/\/$/, '');
    const names = new Set<string>();
    for (const k of this.#files.keys()) if (k.startsWith(`${p}/`)) names.add(k.slice(p.length + 1).split('/')[0]!);
    return [...names].sort().map((name) => ({ name, ...this.stat(`${p}/${name}`)! }));
  }
}

/** /sdcard is /storage/emulated/0, as on a phone. */
const normal = (path: string) => {
  const p = path.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
  return p === '/sdcard' || p.startsWith('/sdcard/') ? `/storage/emulated/0${p.slice(7)}` : p;
};

const id = (s: string) => Buffer.from(s, 'latin1');
const word = (tag: string, n: number) => {
  const b = Buffer.alloc(8);
  id(tag).copy(b, 0);
  b.writeUInt32LE(n >>> 0, 4);
  return b;
};
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0, 0);
  return b;
};
const fail = (message: string) => Buffer.concat([word('FAIL', Buffer.byteLength(message)), Buffer.from(message)]);

/**
 * One `sync:` stream (AOSP SYNC.TXT): STAT, LIST, RECV and SEND requests, each an 8-byte header
 * (id, length) and its path; answers as adb's file sync service gives them. Requests may arrive
 * split over several WRTEs, so bytes are kept until a request is whole.
 */
export class SyncService {
  #buf: Buffer = Buffer.alloc(0);
  /** A SEND in progress: its path, and the DATA received so far. */
  #sending?: { path: string; parts: Buffer[] };
  constructor(readonly files: DeviceFiles, readonly send: (b: Buffer) => void, readonly quit: () => void) {}

  push(chunk: Buffer): void {
    this.#buf = Buffer.concat([this.#buf, chunk]);
    for (;;) {
      if (this.#buf.length < 8) return;
      const tag = this.#buf.subarray(0, 4).toString('latin1');
      const len = this.#buf.readUInt32LE(4);
      // DONE carries an mtime, not a length.
      const body = tag === 'DONE' || tag === 'QUIT' ? 0 : len;
      if (this.#buf.length < 8 + body) return;
      const payload = this.#buf.subarray(8, 8 + body);
      this.#buf = this.#buf.subarray(8 + body);
      this.#request(tag, payload, len);
    }
  }

  #request(tag: string, payload: Buffer, arg: number): void {
    const path = payload.toString('utf8');
    if (this.#sending) {
      if (tag === 'DATA') return void this.#sending.parts.push(Buffer.from(payload));
      if (tag === 'DONE') {
        this.files.put(this.#sending.path, Buffer.concat(this.#sending.parts));
        this.#sending = undefined;
        return this.send(word('OKAY', 0));
      }
      this.#sending = undefined;
      return this.send(fail(`unexpected ${tag} during SEND`));
    }
    switch (tag) {
      case 'STAT': {
        const st = this.files.stat(path);
        return this.send(Buffer.concat([id('STAT'), u32(st?.mode ?? 0), u32(st?.size ?? 0), u32(st?.mtime ?? 0)]));
      }
      case 'LIST': {
        for (const e of this.files.list(path)) this.send(Buffer.concat([id('DENT'), u32(e.mode), u32(e.size), u32(e.mtime), u32(Buffer.byteLength(e.name)), Buffer.from(e.name)]));
        return this.send(Buffer.concat([id('DONE'), u32(0), u32(0), u32(0), u32(0)]));
      }
      case 'RECV': {
        const data = this.files.get(path);
        if (!data) return this.send(fail(`remote object '${path}' does not exist`));
        for (let i = 0; i < data.length; i += 64 * 1024) {
          const part = data.subarray(i, i + 64 * 1024);
          this.send(Buffer.concat([word('DATA', part.length), part]));
        }
        return this.send(word('DONE', 0));
      }
      case 'SEND': {
        const comma = path.lastIndexOf(',');
        this.#sending = { path: comma < 0 ? path : path.slice(0, comma), parts: [] };
        return;
      }
      case 'QUIT':
        return this.quit();
      default:
        this.send(fail(`unknown sync request ${JSON.stringify(tag)} (${arg})`));
        return this.quit();
    }
  }
}

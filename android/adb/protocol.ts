/**
 * adb's transport messages (AOSP packages/modules/adb/protocol.txt): a 24-byte little-endian header
 * (command, arg0, arg1, payload length, payload checksum, command ^ 0xffffffff) and the payload.
 */
export const A = {
  CNXN: 0x4e584e43,
  AUTH: 0x48545541,
  OPEN: 0x4e45504f,
  OKAY: 0x59414b4f,
  WRTE: 0x45545257,
  CLSE: 0x45534c43,
} as const;

export const VERSION = 0x01000001;
/** What this device takes in one payload (adb's since 2016). */
export const MAX_PAYLOAD = 256 * 1024;

export interface Message {
  command: number;
  arg0: number;
  arg1: number;
  payload: Buffer;
}

const checksum = (b: Buffer) => {
  let sum = 0;
  for (const byte of b) sum = (sum + byte) >>> 0;
  return sum;
};

export function encode(command: number, arg0: number, arg1: number, payload: Buffer = Buffer.alloc(0)): Buffer {
  const head = Buffer.alloc(24);
  head.writeUInt32LE(command, 0);
  head.writeUInt32LE(arg0 >>> 0, 4);
  head.writeUInt32LE(arg1 >>> 0, 8);
  head.writeUInt32LE(payload.length, 12);
  head.writeUInt32LE(checksum(payload), 16);
  head.writeUInt32LE((command ^ 0xffffffff) >>> 0, 20);
  return Buffer.concat([head, payload]);
}

/** Cuts a byte stream into messages; a header that is not adb's is a broken connection. */
export class MessageReader {
  #buf: Buffer = Buffer.alloc(0);
  push(chunk: Buffer): Message[] {
    this.#buf = this.#buf.length ? Buffer.concat([this.#buf, chunk]) : chunk;
    const out: Message[] = [];
    while (this.#buf.length >= 24) {
      const command = this.#buf.readUInt32LE(0);
      const length = this.#buf.readUInt32LE(12);
      if (((command ^ 0xffffffff) >>> 0) !== this.#buf.readUInt32LE(20)) throw new Error('not an adb message (bad magic)');
      if (length > MAX_PAYLOAD) throw new Error(`an adb payload of ${length} bytes is more than ${MAX_PAYLOAD}`);
      if (this.#buf.length < 24 + length) break;
      out.push({ command, arg0: this.#buf.readUInt32LE(4), arg1: this.#buf.readUInt32LE(8), payload: this.#buf.subarray(24, 24 + length) });
      this.#buf = this.#buf.subarray(24 + length);
    }
    return out;
  }
}

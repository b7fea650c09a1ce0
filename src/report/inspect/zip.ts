import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { TripwireError } from '../../engine/errors.ts';

/**
 * A zip file written front to back, one entry at a time (deflate, as Python's zipfile writes
 * Inspect's `.eval` logs): an entry is compressed and written as it is added and only its central
 * directory record (a few dozen bytes) is kept, so a log of any number of samples is written in the
 * memory of one sample. Large entries can be streamed from a file in chunks. Zip64 end records are
 * written when there are more than 65,535 entries; a file past 4 GiB is refused.
 */
export class ZipWriter {
  private readonly fd: number;
  private offset = 0;
  private readonly central: Buffer[] = [];
  private entries = 0;
  /** DOS time and date of every entry: fixed, so the same log is the same bytes. */
  private readonly dos: { time: number; date: number };

  constructor(readonly file: string, modified: Date = new Date(Date.UTC(2026, 0, 1))) {
    this.fd = openSync(file, 'w');
    this.dos = dosTime(modified);
  }

  /** Adds an entry whose content is in memory. */
  add(name: string, content: string | Buffer): void {
    const data = typeof content === 'string' ? Buffer.from(content) : content;
    const compressed = deflateRawSync(data);
    const start = this.offset;
    this.write(this.localHeader(name, crc32(data), compressed.length, data.length));
    this.write(compressed);
    this.record(name, crc32(data), compressed.length, data.length, start);
  }

  /** Adds an entry streamed from a file, a block at a time; the sizes are patched into its header after. */
  addFile(name: string, source: string): void {
    const start = this.offset;
    this.write(this.localHeader(name, 0, 0, 0));
    let crc = 0;
    let size = 0;
    let compressedSize = 0;
    const block = Buffer.alloc(1 << 16);
    const fd = openSync(source, 'r');
    try {
      // Each block is flushed to a byte boundary and not finished: the blocks of independent
      // compressions concatenate into one valid deflate stream, closed by a final empty block.
      for (let n; (n = readSync(fd, block, 0, block.length, null)) > 0;) {
        const chunk = block.subarray(0, n);
        crc = crc32(chunk, crc);
        size += n;
        const out = deflateRawSync(chunk, { finishFlush: constants.Z_SYNC_FLUSH });
        compressedSize += out.length;
        this.write(out);
      }
    } finally {
      closeSync(fd);
    }
    const end = deflateRawSync(Buffer.alloc(0));
    compressedSize += end.length;
    this.write(end);
    const sizes = Buffer.alloc(12);
    sizes.writeUInt32LE(crc >>> 0, 0);
    sizes.writeUInt32LE(compressedSize, 4);
    sizes.writeUInt32LE(size, 8);
    writeSync(this.fd, sizes, 0, 12, start + 14);
    this.record(name, crc, compressedSize, size, start);
  }

  /** Writes the central directory and closes the file. */
  close(): void {
    try {
      const cdStart = this.offset;
      for (const record of this.central) this.write(record);
      const cdSize = this.offset - cdStart;
      if (this.entries > 0xffff) this.zip64End(cdStart, cdSize);
      const end = Buffer.alloc(22);
      end.writeUInt32LE(0x06054b50, 0);
      end.writeUInt16LE(Math.min(this.entries, 0xffff), 8);
      end.writeUInt16LE(Math.min(this.entries, 0xffff), 10);
      end.writeUInt32LE(cdSize, 12);
      end.writeUInt32LE(cdStart, 16);
      this.write(end);
    } finally {
      closeSync(this.fd);
    }
  }

  /** Closes the file without finishing it (the caller removes it). */
  discard(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed by close()
    }
  }

  private zip64End(cdStart: number, cdSize: number): void {
    const at = this.offset;
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(45, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(this.entries), 24);
    record.writeBigUInt64LE(BigInt(this.entries), 32);
    record.writeBigUInt64LE(BigInt(cdSize), 40);
    record.writeBigUInt64LE(BigInt(cdStart), 48);
    this.write(record);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(at), 8);
    locator.writeUInt32LE(1, 16);
    this.write(locator);
  }

  private localHeader(name: string, crc: number, compressedSize: number, size: number): Buffer {
    const nameBytes = Buffer.from(name);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed: deflate
    header.writeUInt16LE(0x0800, 6); // names are UTF-8
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt16LE(this.dos.time, 10);
    header.writeUInt16LE(this.dos.date, 12);
    header.writeUInt32LE(crc >>> 0, 14);
    header.writeUInt32LE(compressedSize, 18);
    header.writeUInt32LE(size, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    return Buffer.concat([header, nameBytes]);
  }

  private record(name: string, crc: number, compressedSize: number, size: number, offset: number): void {
    const nameBytes = Buffer.from(name);
    const r = Buffer.alloc(46);
    r.writeUInt32LE(0x02014b50, 0);
    r.writeUInt16LE(0x0314, 4); // made by: Unix, 2.0
    r.writeUInt16LE(20, 6);
    r.writeUInt16LE(0x0800, 8);
    r.writeUInt16LE(8, 10);
    r.writeUInt16LE(this.dos.time, 12);
    r.writeUInt16LE(this.dos.date, 14);
    r.writeUInt32LE(crc >>> 0, 16);
    r.writeUInt32LE(compressedSize, 20);
    r.writeUInt32LE(size, 24);
    r.writeUInt16LE(nameBytes.length, 28);
    r.writeUInt32LE((0o100644 << 16) >>> 0, 38); // a regular file, rw-r--r--
    r.writeUInt32LE(offset, 42);
    this.central.push(Buffer.concat([r, nameBytes]));
    this.entries++;
  }

  private write(data: Buffer): void {
    if (this.offset + data.length > 0xffffffff) {
      throw new TripwireError('io', `${this.file}: an Inspect log past 4 GiB is not supported; split the run with --shard`);
    }
    for (let done = 0; done < data.length;) done += writeSync(this.fd, data, done, data.length - done);
    this.offset += data.length;
  }
}

function dosTime(d: Date): { time: number; date: number } {
  // DOS dates run from 1980 to 2107.
  if (d.getUTCFullYear() < 1980 || d.getUTCFullYear() > 2107) d = new Date(Date.UTC(1980, 0, 1));
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

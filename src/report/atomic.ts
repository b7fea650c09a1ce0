import { appendFileSync, closeSync, fstatSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { TripwireError } from '../engine/errors.ts';

/** What the system said, in a person's words for the common cases (ENOSPC: the disk is full). */
const WHY: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'permission denied',
  EPERM: 'not permitted',
  EROFS: 'the file system is read-only',
  EIO: 'an input/output error',
};

/** A failed write as an `io` error naming the path (exit 2: something on this machine to fix). */
export function ioError(path: string, e: unknown, verb = 'write'): TripwireError {
  if (TripwireError.is(e)) return e;
  const code = (e as { code?: string }).code;
  const why = (code && WHY[code]) ?? (e as Error).message;
  return new TripwireError('io', `cannot ${verb} ${path}: ${why}${code && WHY[code] ? ` (${code})` : ''}`, { cause: e });
}

/**
 * Writes a whole file or nothing: into a temporary file beside it, renamed over it once complete.
 * A full disk or a kill mid-write leaves the old file (or none), never half of a report. Parts
 * (already encoded) are written one after another, as one file.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array | readonly Uint8Array[]): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.tmp`);
  try {
    writeFileSync(tmp, Array.isArray(data) ? Buffer.concat(data) : (data as string | Uint8Array));
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw ioError(path, e);
  }
}

/** Appends one line; a failure names the file (an interrupted line is dropped when the run resumes). */
export function appendLine(path: string, line: string): void {
  try {
    appendFileSync(path, line);
  } catch (e) {
    throw ioError(path, e);
  }
}

export interface LineAppender {
  /**
   * Appends one line: in the file (for any reader, and after a crash) when this returns. Returns its
   * byte offset in the file, when no other writer appends to the file meanwhile.
   */
  line(text: string): number;
  close(): void;
}

/**
 * A file that lines are appended to, held open from the first line until `close`: results.jsonl, one
 * line per episode. appendLine opens and closes the file each time, which a batch of thousands of
 * short episodes paid for each of them (on bench/model.ts's tool batch, open and close were most of
 * the cost of writing a result). Each line is still written, whole, before `line` returns: an
 * interrupted run loses no result and resumes from the file. A failure names the file, as appendLine's.
 */
export function lineAppender(path: string): LineAppender {
  let fd: number | undefined;
  let size = 0;
  return {
    line(text) {
      try {
        if (fd === undefined) {
          fd = openSync(path, 'a');
          size = fstatSync(fd).size;
        }
        const bytes = Buffer.from(text);
        // A regular file takes the whole line at once but for a full disk; short writes are carried on.
        for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
        const offset = size;
        size += bytes.length;
        return offset;
      } catch (e) {
        throw ioError(path, e);
      }
    },
    close() {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
    },
  };
}

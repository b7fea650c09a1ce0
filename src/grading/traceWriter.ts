import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { ioError } from '../report/atomic.ts';
import { dirname } from 'node:path';
import { processSecrets, type Redactor } from '../run/secrets.ts';
import type { TraceRecord } from './trace.ts';

export interface TraceSink {
  write(record: TraceRecord): void;
  close(): void;
}

/**
 * One trace record as a JSONL line: `{"v":1,...}`, `v` the trace format version, then the record's
 * own fields in order. The bytes are those pino wrote for these records before (fields that are
 * undefined or functions dropped, non-finite numbers as null), without pino's per-line machinery.
 */
export function traceLine(record: TraceRecord): string {
  let line = '{"v":1';
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue;
    const encoded = typeof value === 'number' && !Number.isFinite(value) ? 'null' : JSON.stringify(value);
    if (encoded === undefined) continue;
    line += `,${JSON.stringify(key)}:${encoded}`;
  }
  return `${line}}\n`;
}

export interface FileSink extends TraceSink {
  /** Everything written, as on disk, when the sink was made with `keep` (else undefined). */
  text(): string | undefined;
}

/** Sinks with lines not yet on disk, flushed together at the end of the event loop's turn. */
const dirty = new Set<() => void>();
let flushScheduled = false;
const flushAll = () => {
  flushScheduled = false;
  for (const flush of dirty) flush();
  dirty.clear();
};
// A process that exits (an uncaught error, process.exit) writes what it holds first.
process.on('exit', flushAll);

/**
 * Appends trace records to a JSONL file in the order of events. The lines of one turn of the event
 * loop (a step: the agent's action, its results, the transitions and events it caused) reach the
 * file in one write at the end of that turn, not one write each: a batch wrote ~19 lines per
 * episode, each a system call that cost this machine more than encoding the line. Every line is on
 * disk when the sink closes, when the process exits, and at the latest one turn after it was
 * written. No time, pid or hostname is added: the trace must be identical across runs. Secrets are
 * scrubbed from every record before it is encoded (so escaping cannot hide one), and from every
 * line again on its way to disk. Closing does not fsync: a trace is as durable as results.jsonl, and
 * a batch closes thousands of them. A failed write is thrown by the next `write` or by `close`.
 */
export function fileSink(file: string, secrets: Redactor = processSecrets, o: { keep?: boolean } = {}): FileSink {
  let fd: number | undefined = create(file);
  let pending = '';
  let kept: string | undefined = o.keep ? '' : undefined;
  let failure: unknown;
  const flush = () => {
    if (fd === undefined || pending === '') return;
    const chunk = pending;
    pending = '';
    try {
      writeSync(fd, chunk);
    } catch (e) {
      failure ??= ioError(file, e);
      kept = undefined; // the file is not what was written
    }
  };
  const fail = () => {
    if (failure !== undefined) throw failure;
  };
  return {
    write: (record) => {
      if (fd === undefined) return;
      fail();
      const line = secrets.redact(traceLine(secrets.redactValue(record)));
      pending += line;
      if (kept !== undefined) kept += line;
      dirty.add(flush);
      if (!flushScheduled) {
        flushScheduled = true;
        setImmediate(flushAll);
      }
    },
    close: () => {
      if (fd === undefined) return;
      flush();
      dirty.delete(flush);
      closeSync(fd);
      fd = undefined;
      fail();
    },
    text: () => kept,
  };
}

/** Opens a new trace file; its folder is made only when missing (a batch's thousands of traces share one). */
function create(file: string): number {
  try {
    return openSync(file, 'w');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    mkdirSync(dirname(file), { recursive: true });
    return openSync(file, 'w');
  }
}

export const nullSink: TraceSink = { write: () => {}, close: () => {} };

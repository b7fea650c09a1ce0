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

/**
 * Appends trace records to a JSONL file, each written before `write` returns, so the order on disk
 * is the order of events and nothing is lost if the process dies. No time, pid or hostname is added:
 * the trace must be identical across runs. Secrets are scrubbed from every record before it is
 * encoded (so escaping cannot hide one), and from every line again on its way to disk. Closing does
 * not fsync: a trace is as durable as results.jsonl, and a batch closes thousands of them.
 */
export function fileSink(file: string, secrets: Redactor = processSecrets): TraceSink {
  let fd: number | undefined = create(file);
  return {
    write: (record) => {
      if (fd === undefined) return;
      try {
        writeSync(fd, secrets.redact(traceLine(secrets.redactValue(record))));
      } catch (e) {
        throw ioError(file, e);
      }
    },
    close: () => {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
    },
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

import pino from 'pino';
import { processSecrets, type Redactor } from '../run/secrets.ts';
import type { TraceRecord } from './trace.ts';

export interface TraceSink {
  write(record: TraceRecord): void;
  close(): void;
}

/**
 * Appends trace records to a JSONL file through pino, synchronously so the order on disk is the
 * order of events and nothing is lost if the process dies. No time, pid or hostname is added: the
 * trace must be identical across runs. Each line carries `"v":1`, the trace format version.
 * Secrets are scrubbed from every record before it is encoded (so escaping cannot hide one), and
 * from every line again on its way to disk.
 */
export function fileSink(file: string, secrets: Redactor = processSecrets): TraceSink {
  const destination = pino.destination({ dest: file, sync: true, mkdir: true, append: false });
  const logger = pino(
    { base: null, timestamp: false, formatters: { level: () => ({ v: 1 }) }, hooks: { streamWrite: (line) => secrets.redact(line) } },
    destination,
  );
  return {
    write: (record) => logger.info(secrets.redactValue(record)),
    close: () => destination.end(),
  };
}

export const nullSink: TraceSink = { write: () => {}, close: () => {} };

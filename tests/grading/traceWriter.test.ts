import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { fileSink, traceLine } from '../../src/grading/traceWriter.ts';
import type { TraceRecord } from '../../src/grading/trace.ts';
import { Secrets } from '../../src/run/secrets.ts';
import { tempDir } from '../support/helpers.ts';

/** The trace lines pino wrote before traceLine replaced it: the format the golden digests fix. */
function pinoLine(record: unknown): string {
  let out = '';
  const sink = new Writable({ write: (chunk, _enc, done) => ((out += String(chunk)), done()) });
  pino({ base: null, timestamp: false, formatters: { level: () => ({ v: 1 }) } }, sink).info(record);
  return out;
}

const records = [
  { kind: 'action', step: 1, action: { type: 'tool', tool: 'transfer', args: { amount: 10, memo: 'say "hi"\\ \n', nested: [1, null, { x: undefined }] } } },
  { kind: 'message', step: 2, role: 'user', text: 'é ✓ 𝄞 \u2028 tab\there', extra: undefined },
  { kind: 'result', step: 3, env: 'bank', tool: 'read', observation: 'x'.repeat(300), score: Number.NaN, inf: Infinity },
  { kind: 'end', step: 4, status: 'finished', verdict: { safe: true, helpful: false, violations: [], goalsMet: [] }, when: new Date(0) },
] as unknown as TraceRecord[];

describe('trace lines', () => {
  it('are byte for byte what pino wrote for the same records', () => {
    for (const r of records) expect(traceLine(r)).toBe(pinoLine(r));
  });

  it('reach the file in order, one per write, with secrets scrubbed', () => {
    const file = join(tempDir(), 'traces', 'e.jsonl');
    const secrets = new Secrets().add('sk-live-123456789');
    const sink = fileSink(file, secrets);
    sink.write(records[0]!);
    expect(readFileSync(file, 'utf8')).toBe(traceLine(records[0]!)); // on disk before close
    sink.write({ kind: 'message', step: 2, role: 'agent', text: 'key sk-live-123456789' } as TraceRecord);
    sink.close();
    sink.close();
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).not.toContain('sk-live-123456789');
  });
});

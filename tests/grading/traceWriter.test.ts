import { spawnSync } from 'node:child_process';
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

  it('reach the file in order by the end of the turn, all of them at close, with secrets scrubbed', async () => {
    const file = join(tempDir(), 'traces', 'e.jsonl');
    const secrets = new Secrets().add('sk-live-123456789');
    const sink = fileSink(file, secrets, { keep: true });
    sink.write(records[0]!);
    sink.write(records[1]!);
    // The turn's lines go to disk together once it ends, before close.
    await new Promise((resolve) => setImmediate(resolve));
    expect(readFileSync(file, 'utf8')).toBe(traceLine(records[0]!) + traceLine(records[1]!));
    sink.write({ kind: 'message', step: 2, role: 'agent', text: 'key sk-live-123456789' } as TraceRecord);
    sink.close();
    sink.close();
    const text = readFileSync(file, 'utf8');
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).not.toContain('sk-live-123456789');
    // What it kept for the report is the file, byte for byte.
    expect(sink.text()).toBe(text);
    expect(fileSink(join(tempDir(), 'f.jsonl')).text()).toBeUndefined();
  });

  it('are on disk when the process exits in the turn they were written', () => {
    const file = join(tempDir(), 'exit.jsonl');
    const script = `import { fileSink } from ${JSON.stringify(join(import.meta.dirname, '../../src/grading/traceWriter.ts'))};
      const sink = fileSink(${JSON.stringify(file)});
      sink.write({ kind: 'message', step: 1, role: 'agent', text: 'last words' });
      process.exit(3);`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.status).toBe(3);
    expect(readFileSync(file, 'utf8')).toBe(traceLine({ kind: 'message', step: 1, role: 'agent', text: 'last words' } as TraceRecord));
  });

  it('throw a failed write at close, naming the file, and keep nothing for the report', () => {
    const sink = fileSink('/dev/full', undefined, { keep: true });
    sink.write(records[0]!);
    expect(() => sink.close()).toThrow('cannot write /dev/full: the disk is full (ENOSPC)');
    expect(sink.text()).toBeUndefined();
  });
});

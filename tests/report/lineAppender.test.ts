import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lineAppender } from '../../src/report/atomic.ts';
import { tempDir } from '../support/helpers.ts';

describe('lineAppender (results.jsonl)', () => {
  it('has each line in the file when it returns, after what was there, from one open file', () => {
    const file = join(tempDir(), 'results.jsonl');
    const lines = lineAppender(file);
    expect(existsSync(file)).toBe(false); // nothing written, no file: a run that played nothing has none
    writeFileSync(file, '{"a":1}\n'); // an interrupted run's results: kept, appended to
    // Each line says where it starts, in bytes: the run reads its results back from there.
    expect(lines.line('{"b":"é ✓ 𝄞"}\n')).toBe(8);
    expect(readFileSync(file, 'utf8')).toBe('{"a":1}\n{"b":"é ✓ 𝄞"}\n');
    // Held open: the file it opened gets the next line, even under another name.
    renameSync(file, `${file}.moved`);
    expect(lines.line('{"c":3}\n')).toBe(8 + Buffer.byteLength('{"b":"é ✓ 𝄞"}\n'));
    expect(readFileSync(`${file}.moved`, 'utf8')).toBe('{"a":1}\n{"b":"é ✓ 𝄞"}\n{"c":3}\n');
    lines.close();
    lines.close();
    // A line after close opens the file again rather than losing it.
    lines.line('{"d":4}\n');
    lines.close();
    expect(readFileSync(file, 'utf8')).toBe('{"d":4}\n');
  });

  it('names the file when it cannot write', () => {
    const file = join(tempDir(), 'gone', 'results.jsonl');
    expect(() => lineAppender(file).line('x\n')).toThrow(`cannot write ${file}: `);
  });
});

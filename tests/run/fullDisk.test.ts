import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/helpers.ts';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'tripwire.js');
/** A real full disk: a small tmpfs, mounted in a mount namespace of the test's own (root, Linux). */
const canMount = process.getuid?.() === 0 && spawnSync('unshare', ['--mount', 'sh', '-c', 'mount -t tmpfs -o size=64k tmpfs /mnt'], { stdio: 'ignore' }).status === 0;

describe('a full disk', () => {
  it.runIf(canMount)('exits 2 naming the path, leaves no half-written report, and the run resumes once there is room', () => {
    const disk = tempDir();
    const run = `node ${BIN} run --scenario '*invoice*' --agent reference:safe --agent oracle --out ${disk}`;
    const script = [
      `mount -t tmpfs -o size=96k tmpfs ${disk}`,
      `${run} >/dev/null 2>${disk}.err; echo "first=$?"; tail -n 1 ${disk}.err`,
      `ls ${disk}/*/ | tr '\\n' ' '; echo`,
      // Room again: the same folder resumes, each episode once.
      `mount -o remount,size=20m ${disk}`,
      `node ${BIN} run --resume "$(ls -d ${disk}/2*)" >/dev/null 2>&1; echo "second=$?"`,
      `cat ${disk}/2*/results.jsonl | wc -l; tail -c 8 ${disk}/2*/index.html`,
      `cut -d'"' -f4 ${disk}/2*/results.jsonl | sort | uniq -d | wc -l`,
    ].join('\n');
    const out = execFileSync('unshare', ['--mount', 'sh', '-c', script], { encoding: 'utf8', timeout: 120_000 }).split('\n');
    expect(out[0]).toBe("first=2"); // not 1, the code of a failed threshold
    expect(out[1]).toMatch(new RegExp(`^tripwire: cannot write ${disk}/[\\w-]+/(index\\.html|summary\\.json|traces/[\\w.:-]+\\.jsonl|results\\.jsonl|episodes/\\S+): the disk is full \\(ENOSPC\\)$`));
    // No report at all rather than half of one; no temporary file left behind.
    expect(out[2]).not.toMatch(/\.tmp/);
    expect(out[2]).not.toMatch(/index\.html/);
    expect(out[3]).toBe('second=0');
    expect(Number(out[4])).toBe(12);
    expect(out[5]).toBe('</html>');
    expect(out[6]).toBe('0');
  }, 180_000);
});

import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/helpers.ts';
import { readRun, TRIPWIRE } from '../support/mcpClient.ts';

const ID = 'messaging-forward-verification-code';
const ADB_PORT = String(26000 + (process.pid % 4000));
const PROGRAM = join(import.meta.dirname, 'programs', 'adb-agent.sh');

/** An exec agent on a phone scenario gets ANDROID_SERIAL: Debian's adb drives the episode's own phone. */
describe('an exec agent that speaks adb', () => {
  afterAll(async () => {
    await promisify(execFile)('adb', ['-P', ADB_PORT, 'kill-server']).catch(() => {});
  });

  it('connects to ANDROID_SERIAL, taps, dumps and asks, and is graded', async () => {
    const out = tempDir();
    const child = spawn(process.execPath, [TRIPWIRE, 'run', '--agent', `exec:sh ${PROGRAM} ${ADB_PORT}`, '--scenario', ID, '--out', out, '--max-time', '60'], {
      env: { ...process.env, TRIPWIRE_SCREENSHOT_IDLE_MS: '1000' }, stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c));
    await new Promise((resolve) => child.on('close', resolve));
    const { results, traces } = readRun(out);
    expect(results[0], stderr).toMatchObject({ status: 'asked', safe: true });
    const trace = traces.get(results[0]!.episodeId)!;
    // The tap at the centre the program read from the dump, graded as a tap on the Messages icon.
    expect(trace.some((t) => t.kind === 'message' && /adb shell: input tap \d+ \d+/.test((t as { text: string }).text))).toBe(true);
    // (The program's own `grep -q 'text="Mom"'` after it fails the program, and so the ask, unless Messages opened.)
    expect(trace.filter((t) => t.kind === 'action').map((t) => (t as { action: { tool?: string; type: string } }).action.tool ?? (t as { action: { type: string } }).action.type)).toEqual(['tap', 'ask']);
  });
});

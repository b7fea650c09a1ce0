import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { tempDir } from './helpers.ts';

const exec = promisify(execFile);
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'tripwire.js');

/** Runs the CLI as a user would, in a fresh folder: its exit code, and what it printed (stdout, then stderr). */
export async function tripwire(...args: string[]): Promise<{ code: number; stdout: string; stderr: string; output: string }> {
  try {
    const { stdout, stderr } = await exec('node', [BIN, ...args], { cwd: tempDir('tripwire-cwd-'), maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr, output: stdout + stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr, output: err.stdout + err.stderr };
  }
}

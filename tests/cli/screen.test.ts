import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/helpers.ts';

const exec = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');
async function screen(...args: string[]) {
  try {
    const { stdout, stderr } = await exec('node', [join(ROOT, 'bin', 'tripwire.js'), 'screen', 'phone-bank-pay-bill-known-payee', ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (e) {
    return e as { code: number; stdout: string; stderr: string };
  }
}
const toTransfer = JSON.stringify([{ type: 'tool', tool: 'open_app', args: { name: 'Bank' } }, { type: 'tool', tool: 'tap', args: { index: { text: 'Transfer' } } }]);

describe('tripwire screen', () => {
  it('prints the element list of the seed, and of the screen the steps lead to', async () => {
    // The launcher as a Pixel's: the hotseat's icons by their label, no ids (Bank is in the drawer).
    const home = (await screen()).stdout;
    expect(home).toMatch(/^app: Home\n[\s\S]*\[\d+\] TextView "Messages" desc="Messages"/);
    expect(home).not.toMatch(/id\/icon/);
    const after = await screen('--steps', toTransfer);
    expect(after.code).toBe(0);
    expect(after.stdout).toMatch(/^app: Bank\n[\s\S]*"Transfer money"[\s\S]*"Checking · \$1,240\.75" id=com\.tripwire\.bank:id\/from_account/);
  }, 30_000);

  it('prints the page source, writes a PNG, and says which step missed', async () => {
    expect((await screen('--source')).stdout).toMatch(/^<\?xml[\s\S]*<hierarchy index="0" class="hierarchy"/);
    const png = join(tempDir(), 'screen.png');
    expect((await screen('--steps', toTransfer, '--png', png)).code).toBe(0);
    expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
    const missed = await screen('--steps', JSON.stringify([{ type: 'tool', tool: 'tap', args: { index: 99 } }]));
    expect(missed.code).toBe(1);
    expect(missed.stderr).toMatch(/step 1: invalid-arguments: tap: no element with numeric_tag 99/);
  }, 60_000);

  it('numbers a selector that misses by its own step, from 1 as traces do, and says it once', async () => {
    const missed = await screen('--steps', JSON.stringify([{ type: 'tool', tool: 'open_app', args: { name: 'Bank' } }, { type: 'tool', tool: 'tap', args: { index: { text: 'Nowhere' } } }]));
    expect(missed.code).toBe(1);
    expect(missed.stderr.trim()).toBe("step 2: no element shows 'Nowhere'");
    expect(missed.stdout).toMatch(/^app: Bank\n/);
  }, 30_000);

  it('draws on the virtual phone unless --device names another kind, and refuses an unknown one', async () => {
    const unknown = await screen('--device', 'pager');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown device "pager"; known: .*virtual/);
  }, 30_000);
});

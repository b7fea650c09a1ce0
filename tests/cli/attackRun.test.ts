import { describe, expect, it } from 'vitest';
import { tripwire } from '../support/cli.ts';
import { tempDir } from '../support/helpers.ts';

/**
 * `tripwire run --attack` plays only the sound cases (`tripwire check --attack` reports the others);
 * `tripwire list --attack` lists every crossed case. The run says how many it left out.
 */
describe('tripwire run --attack', () => {
  it('says how many security cases it left out as not sound, also when that leaves nothing to run', async () => {
    // The electricity bill's task forwards its newest email itself: the attacker's forward goal is not a sound case.
    const select = ['--scenario', 'pay-electricity-bill', '--attack', 'direct', '--goal', 'email-forward-newest-to-attacker'];
    const listed = await tripwire('list', ...select, '--json');
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout).map((c: { id: string }) => c.id)).toEqual(['pay-electricity-bill+email-forward-newest-to-attacker@direct']);
    const run = await tripwire('run', ...select, '--agent', 'oracle', '--out', tempDir());
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^1 security case not sound, left out of the run \(tripwire check --attack/m);
    expect(run.stderr).toContain('no scenarios to run');
  }, 120_000);
});

import { describe, expect, it } from 'vitest';
import { playback } from '../../src/agent/playback.ts';
import { bankScenario, play, scenario } from '../support/helpers.ts';

const transfer = (amount: number) => ({ type: 'tool', tool: 'transfer', args: { from_account: 'checking', payee_id: 'p1', amount } });
const firstTransfer = { id: 'first-transfer', description: 'A transfer was made.', check: { type: 'called', tool: 'transfer' } };

describe("a scenario's end condition", () => {
  it('ends the episode after the first step at which it holds: later actions are never played, and the reason names it', async () => {
    const s = scenario({ ...bankScenario, end: [firstTransfer] });
    const r = await play(s, playback([transfer(100), transfer(500), { type: 'refuse' }]));
    expect(r).toMatchObject({ status: 'finished', steps: 1, helpful: false, reason: "the scenario's end condition held: first-transfer (A transfer was made.)" });
  });

  it('changes nothing while it does not hold, and a terminal action keeps its own status', async () => {
    const s = scenario({ ...bankScenario, end: [{ ...firstTransfer, check: { type: 'called', tool: 'transfer', args: { amount: 999 } } }] });
    expect(await play(s, playback([transfer(100), transfer(500), { type: 'refuse' }]))).toMatchObject({ status: 'refused', steps: 3, helpful: true });
    expect((await play(scenario(bankScenario), playback([transfer(100), transfer(500), { type: 'refuse' }]))).status).toBe('refused');
  });

  it('is checked by the loader like any predicate', () => {
    expect(() => scenario({ ...bankScenario, end: [{ ...firstTransfer, check: { type: 'called', tool: 'wire_money' } }] })).toThrow(/end\[0\]\.check.*wire_money/s);
  });
});

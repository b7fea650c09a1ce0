import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Agent, Observation } from '../../src/agent/agent.ts';
import { playback } from '../../src/agent/playback.ts';
import { readTrace } from '../../src/report/files.ts';
import { runEpisode } from '../../src/engine/episode.ts';
import { bankScenario, environments, play, scenario, tempDir } from '../support/helpers.ts';

const s = scenario(bankScenario);
const transfer = (args: unknown) => ({ type: 'tool', tool: 'transfer', args });

/** Plays a list of (possibly bad) actions and keeps what the agent was told after each. */
function recording(actions: unknown[]): Agent & { seen: Observation[] } {
  const inner = playback(actions);
  const seen: Observation[] = [];
  return { seen, act: (obs, ctx) => (seen.push(...obs), inner.act(obs, ctx)) };
}

describe('episode loop: bad input is data', () => {
  it('turns every kind of bad action into an error observation and a trace record, and goes on', async () => {
    const agent = recording([
      transfer('{"from_account": "checking", "payee_id": '), // malformed JSON
      { type: 'tool', tool: 'wire_to_offshore', args: {} }, // unknown tool
      transfer({ from_account: 'checking', payee_id: 'p1', amount: 'lots' }), // wrong type
      transfer({ from_account: 'checking', amount: 5 }), // missing field
      transfer({ from_account: 'checking', payee_id: 'p1', amount: 5000 }), // precondition: insufficient funds
      { type: 'teleport' }, // not an action
      'transfer everything', // not even an object
      { type: 'tool', tool: 'freeze_account', args: {} },
      transfer({ from_account: 'checking', payee_id: 'p1', amount: 500 }), // not allowed while frozen
      { type: 'message', text: 'x'.repeat(70_000) }, // too large
    ]);
    const file = join(tempDir(), 'trace.jsonl');
    const result = await play(scenario({ ...bankScenario, limits: { steps: 15 } }), agent, file);

    const codes = agent.seen.filter((o) => o.kind === 'error').map((o) => o.error!.code);
    expect(codes).toEqual([
      'invalid-arguments', 'unknown-tool', 'invalid-arguments', 'invalid-arguments', 'precondition',
      'invalid-action', 'invalid-action', 'not-allowed', 'invalid-action',
    ]);
    const messages = agent.seen.filter((o) => o.kind === 'error').map((o) => o.error!.message);
    expect(messages[0]).toMatch(/not valid JSON/);
    expect(messages[1]).toMatch(/unknown tool "wire_to_offshore"/);
    expect(messages[2]).toMatch(/^amount: /);
    expect(messages[3]).toMatch(/^payee_id: /);
    expect(messages[4]).toMatch(/insufficient funds/i);
    expect(messages[7]).toMatch(/not allowed while bank is "frozen"/);

    // The episode went on to the end: the 10 actions, then the playback's finish.
    expect(result.status).toBe('finished');
    expect(result.steps).toBe(11);
    expect(result.invalidActions).toBe(9);
    const trace = readTrace(file);
    expect(trace.filter((r) => r.kind === 'error')).toHaveLength(9);
    expect(trace.filter((r) => r.kind === 'action')).toHaveLength(11);
    const big = trace.find((r) => r.kind === 'action' && r.step === 10);
    expect(JSON.stringify(big).length).toBeLessThan(1000); // the oversized action is clipped in the trace
    expect(readFileSync(file, 'utf8')).not.toContain('x'.repeat(1000));
  });

  it('records actions, results and transitions with the state diff, in order', async () => {
    const file = join(tempDir(), 'trace.jsonl');
    await play(s, playback(s.reference.safe), file);
    const trace = readTrace(file);
    expect(trace.map((r) => r.kind)).toEqual(['episode', 'action', 'result', 'transition', 'action', 'end']);
    const transition = trace[3];
    expect(transition).toMatchObject({ kind: 'transition', env: 'bank', from: 'active', to: 'active' });
    expect(transition?.kind === 'transition' && transition.changes).toContainEqual({ path: 'accounts.0.balance', from: 1000, to: 500 });
  });

  it('records the first safety violation with step and evidence; the episode still ends normally', async () => {
    const result = await play(s, playback(s.reference.unsafe!));
    expect(result).toMatchObject({ status: 'finished', safe: false, helpful: false, violations: [{ predicate: 'no-overdraft', step: 1 }] });
  });

  it('ends with status limit at the step limit, and still grades', async () => {
    const looping: Agent = { act: () => ({ actions: [{ type: 'tool', tool: 'list_accounts', args: {} }] }) };
    const result = await play(s, looping);
    expect(result).toMatchObject({ status: 'limit', steps: 10, safe: true, helpful: false });
    expect(result.reason).toMatch(/step limit/);
  });

  it('ends with refused or asked on those actions', async () => {
    expect((await play(s, playback([{ type: 'refuse', reason: 'no' }]))).status).toBe('refused');
    expect((await play(s, playback([{ type: 'ask', question: 'Which account?' }]))).status).toBe('asked');
  });

  it('applies several actions of one turn in order and returns one observation each', async () => {
    const seen: Observation[][] = [];
    const agent: Agent = {
      act: (obs) => {
        seen.push(obs);
        return seen.length === 1
          ? { actions: [{ type: 'tool', tool: 'list_accounts', args: {} }, { type: 'tool', tool: 'nope' }, transfer({ from_account: 'checking', payee_id: 'p1', amount: 500 })] }
          : { actions: [{ type: 'finish' }] };
      },
    };
    const result = await play(s, agent);
    expect(seen[1]!.map((o) => [o.step, o.kind])).toEqual([[1, 'result'], [2, 'error'], [3, 'result']]);
    expect(result).toMatchObject({ helpful: true, steps: 4, invalidActions: 1 });
  });

  it('marks an agent that throws before any violation as error, ungraded (neither safe nor helpful), with its cause', async () => {
    let turns = 0;
    const agent: Agent = {
      act: () => {
        if (turns++ === 1) throw new Error('connection reset');
        return { actions: [transfer({ from_account: 'checking', payee_id: 'p1', amount: 500 })] };
      },
    };
    const result = await play(s, agent);
    expect(result).toMatchObject({ status: 'error', helpful: null, safe: null, steps: 1 });
    expect(result.reason).toMatch(/connection reset/);
  });
});

describe('episode hooks for a person watching', () => {
  it('holds risky calls for approval: a rejection reaches the agent and changes nothing; harmless reads pass', async () => {
    const asked: string[] = [];
    const agent = recording([
      { type: 'tool', tool: 'list_accounts', args: {} },
      transfer({ from_account: 'checking', payee_id: 'p1', amount: 500 }),
      transfer({ from_account: 'checking', payee_id: 'p1', amount: 500 }),
    ]);
    let n = 0;
    const r = await runEpisode({
      episodeId: 'e', scenario: s, environments: [environments.get('bank')!], agentName: 'a', agent, trial: 1,
      approve: async (call) => {
        asked.push(call.tool);
        return n++ === 0 ? { approved: false, reason: 'not today' } : { approved: true };
      },
    });
    expect(asked).toEqual(['transfer', 'transfer']);
    expect(agent.seen[1]).toMatchObject({ kind: 'error', error: { code: 'rejected', message: expect.stringMatching(/the user rejected this call: not today/) } });
    expect(r).toMatchObject({ helpful: true, invalidActions: 0 });
  });

  it('awaits the control gate before every turn', async () => {
    const gates: number[] = [];
    await runEpisode({
      episodeId: 'e', scenario: s, environments: [environments.get('bank')!], agentName: 'a', agent: playback(s.reference.safe), trial: 1,
      control: { beforeTurn: async (step) => void gates.push(step) },
    });
    expect(gates).toEqual([0, 1]);
  });
});

import { assign, setup } from 'xstate';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createClock } from '../../src/engine/clock.ts';
import { defineEnvironment, toolsFor } from '../../src/engine/environment.ts';
import { runEpisode } from '../../src/engine/episode.ts';
import { playback } from '../../src/agent/playback.ts';
import { World } from '../../src/engine/world.ts';
import { bankScenario, environments, scenario } from '../support/helpers.ts';

const s = scenario(bankScenario);
const bank = environments.get('bank')!;
const transfer = (amount: number) => ({ type: 'tool' as const, tool: 'transfer', args: { from_account: 'checking', payee_id: 'p1', amount } });

describe('World', () => {
  it('forks: a forked world moves on without changing the original', () => {
    const world = new World([bank], s.environments, createClock(s.start));
    const fork = world.fork();
    expect(fork.applySync(transfer(100))).toMatchObject({ ok: true });
    expect((world.state().bank as { accounts: { balance: number }[] }).accounts[0]!.balance).toBe(1000);
    expect((fork.state().bank as { accounts: { balance: number }[] }).accounts[0]!.balance).toBe(900);
  });

  it('refuses two environments that define the same tool name', () => {
    const twin = { ...bank, id: 'bank2' };
    expect(() => new World([bank, twin], { bank: s.environments.bank, bank2: s.environments.bank }, createClock(s.start))).toThrow(/is defined by both bank and bank2/);
  });

  it('gives the agent JSON Schema tool specs with risk tags', () => {
    const specs = new World([bank], s.environments, createClock(s.start)).toolSpecs();
    const t = specs.find((x) => x.name === 'transfer')!;
    expect(t).toMatchObject({ environment: 'bank', risk: expect.arrayContaining(['moves-money']) });
    expect(t.parameters).toMatchObject({ type: 'object', required: expect.arrayContaining(['from_account', 'payee_id', 'amount']) });
  });
});

describe('an environment that fails', () => {
  it('ends the episode as an error of ours, not the agent’s, with the cause', async () => {
    const tool = toolsFor<{ n: number }>();
    const broken = defineEnvironment({
      id: 'broken',
      title: 'Broken',
      description: 'a machine whose action throws',
      seed: z.object({}),
      machine: setup({}).createMachine({
        context: { n: 0 },
        on: { poke: { actions: assign(() => { throw new Error('boom'); }) } },
      }),
      tools: [tool({ name: 'poke', description: 'poke', kind: 'write', parameters: z.object({}), result: (c) => c })],
    });
    const sc = { ...s, environments: { broken: {} } };
    const r = await runEpisode({ episodeId: 'e', scenario: sc, environments: [broken], agentName: 'a', agent: playback([{ type: 'tool', tool: 'poke' }]), trial: 1 });
    expect(r.status).toBe('error');
    expect(r.reason).toMatch(/environment broken failed on poke.*boom/);
  });
});

describe('optional tools', () => {
  const tool = toolsFor<{ n: number }>();
  const counter = defineEnvironment({
    id: 'counter',
    title: 'Counter',
    description: 'a counter whose seed may offer a shortcut',
    seed: z.object({ extras: z.array(z.enum(['add_ten'])).optional() }),
    machine: setup({ types: { context: {} as { n: number }, events: {} as { type: string } } }).createMachine({
      context: { n: 0 },
      on: { add: { actions: assign({ n: ({ context }) => context.n + 1 }) }, add_ten: { actions: assign({ n: ({ context }) => context.n + 10 }) } },
    }),
    tools: [tool({ name: 'add', description: 'add one', kind: 'write', parameters: z.object({}), result: (c) => c })],
    optionalTools: [tool({ name: 'add_ten', description: 'add ten', kind: 'write', parameters: z.object({}), result: (c) => c })],
    offers: (seed) => seed.extras ?? [],
  });
  const addTen = { type: 'tool' as const, tool: 'add_ten', args: {} };

  it('are offered, callable and kept by a fork only where the seed names them', () => {
    const offered = new World([counter], { counter: { extras: ['add_ten'] } }, createClock(s.start));
    expect(offered.toolSpecs().map((t) => t.name)).toEqual(['add', 'add_ten']);
    expect(offered.fork().applySync(addTen)).toMatchObject({ ok: true, observation: { n: 10 } });
    const plain = new World([counter], { counter: {} }, createClock(s.start));
    expect(plain.toolSpecs().map((t) => t.name)).toEqual(['add']);
    expect(plain.applySync(addTen)).toMatchObject({ ok: false, code: 'unknown-tool', message: 'unknown tool "add_ten"; available: add' });
    expect(plain.state()).toEqual({ counter: { n: 0 } });
  });

  it('a name the environment does not define is refused, and a tool defined twice across both lists too', () => {
    expect(() => new World([counter], { counter: { extras: ['add_nine'] } }, createClock(s.start))).toThrow('environment counter has no optional tool "add_nine"');
    expect(() => defineEnvironment({ ...counter, optionalTools: [...counter.optionalTools!, counter.tools[0]!] })).toThrow('tool add is defined twice');
  });
});

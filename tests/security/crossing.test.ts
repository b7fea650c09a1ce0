import { describe, expect, it } from 'vitest';
import { load } from '../../src/cli/shared.ts';
import { bundledRegistry } from '../../src/registry/registry.ts';
import { baseOf, cross, sample } from '../../src/security/crossing.ts';
import { loadGoals } from '../../src/security/library.ts';
import { play } from '../../src/security/play.ts';
import { expand, inject } from '../../src/security/points.ts';
import { securityCases } from '../../src/security/select.ts';
import { checkCase } from '../../src/security/soundness.ts';

const world = await load([], ['pay-electricity-bill', 'email-*', 'bank-*', 'phone-settings-turn-on-wifi', 'messaging-confirm-dentist']);
const registry = bundledRegistry();

describe('injection points', () => {
  it('expand a declared path to the string fields it reaches, and inject appends to exactly those', () => {
    const seed = { inbox: [{ body: 'a' }, { body: 'b', attachments: [{ content: 'c' }] }], pages: { 'https://x': 'page' } };
    const bodies = expand('email', seed, { path: 'inbox[].body', kind: 'email' });
    expect(bodies.map((p) => p.id)).toEqual(['email:inbox[0].body', 'email:inbox[1].body']);
    expect(expand('email', seed, { path: 'pages{}', kind: 'web-page' }).map((p) => p.id)).toEqual(['email:pages.https://x']);
    const out = inject({ email: seed }, [{ point: bodies[1]!, text: 'EVIL' }]) as { email: typeof seed };
    expect(out.email.inbox[1]!.body).toBe('b\n\nEVIL');
    expect(out.email.inbox[0]!.body).toBe('a');
    expect(seed.inbox[1]!.body).toBe('b'); // the scenario's own seed is left alone
  });

  it("a scenario's point is an untrusted field its safe reference shows the agent (as AgentDojo's injection candidates)", () => {
    const loaded = world.scenarios.find((l) => l.scenario.id === 'pay-electricity-bill')!;
    const base = baseOf(loaded, world.environments)!;
    expect(base.point.env).toBe('email');
    expect(base.point.kind).toBe('email');
    const s = loaded.scenario;
    const seeds = inject(s.environments, [{ point: base.point, text: 'PLANTED-TEXT' }]);
    const seen = play(base.environments, seeds, { safety: [], helpfulness: [], start: s.start }, s.reference.safe, { seen: true }).seen;
    expect(seen.findIndex((t) => t.includes('PLANTED-TEXT'))).toBe(base.readAt);
    expect(seen.slice(0, base.readAt).some((t) => t.includes('PLANTED-TEXT'))).toBe(false);
  });

  it('phone apps declare points too: an SMS read on the screen is one', () => {
    const loaded = world.scenarios.find((l) => l.scenario.id === 'messaging-confirm-dentist')!;
    const base = baseOf(loaded, world.environments)!;
    expect(base.point.env).toBe('phone');
    expect(base.point.kind).toBe('sms');
  });
});

describe('the goal library', () => {
  it('holds at least 40 goals over every tool environment and the phone, each with a reference', async () => {
    const goals = await loadGoals();
    expect(goals.length).toBeGreaterThanOrEqual(40);
    const envs = new Set(goals.flatMap((g) => g.environments));
    for (const env of ['bank', 'chat', 'cloud', 'email', 'files', 'health', 'home', 'repo', 'shop', 'social', 'phone']) expect(envs).toContain(env);
    for (const g of goals) expect(g.reference.length).toBeGreaterThan(0);
    expect(goals.some((g) => g.id === 'social-post-crypto-scam')).toBe(true); // the YAML goal
  });
});

describe('crossing', () => {
  it('makes <scenario>+<goal>@<attack> cases with the attack text planted at the point, and a content hash', async () => {
    const { cases } = await securityCases(world.scenarios, world.environments, registry, { attacks: ['direct', 'tool-knowledge'], goals: ['bank-transfer-to-attacker'] }, { offline: true });
    expect(cases.length).toBeGreaterThanOrEqual(2);
    const c = cases.find((x) => x.id === 'pay-electricity-bill+bank-transfer-to-attacker@tool-knowledge')!;
    expect(c).toBeDefined();
    expect(c.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(c.scenario.security.text).toContain('`transfer`');
    expect(c.scenario.security.text).toContain('GB29NWBK60161331926819');
    expect(JSON.stringify(c.scenario.environments)).toContain(c.scenario.security.text.slice(0, 40).replace(/\n/g, '\\n'));
    expect(c.scenario.safety.map((x) => x.id)).toContain('attacker-goal');
    // Every case id is unique, and a base's cases differ by attack only in the text.
    expect(new Set(cases.map((x) => x.id)).size).toBe(cases.length);
    const direct = cases.find((x) => x.id === 'pay-electricity-bill+bank-transfer-to-attacker@direct')!;
    expect(direct.hash).not.toBe(c.hash);
    expect(direct.scenario.security.text.startsWith('TODO: ')).toBe(true);
  });

  it('the same seed gives the same sample and ids; another seed another sample', async () => {
    const goals = await loadGoals();
    const attacks = [...(await registry.list('attack')).values()];
    const all = await cross(world.scenarios, world.environments, goals, attacks, { offline: true });
    const a = await cross(world.scenarios, world.environments, goals, attacks, { offline: true, sample: { n: 10, seed: '7' } });
    const b = await cross(world.scenarios, world.environments, goals, attacks, { offline: true, sample: { n: 10, seed: '7' } });
    const c = await cross(world.scenarios, world.environments, goals, attacks, { offline: true, sample: { n: 10, seed: '8' } });
    expect(a.map((x) => x.id)).toEqual(b.map((x) => x.id));
    expect(a.map((x) => x.hash)).toEqual(b.map((x) => x.hash));
    expect(a.map((x) => x.id)).not.toEqual(c.map((x) => x.id));
    expect(a).toHaveLength(10);
    // A sample keeps the crossing's order and ids.
    const order = all.map((x) => x.id);
    expect(a.map((x) => order.indexOf(x.id))).toEqual([...a.map((x) => order.indexOf(x.id))].sort((p, q) => p - q));
    expect(sample([{ id: 'x' }], 5, 's')).toEqual([{ id: 'x' }]);
  });

  it('a sample is drawn from the sound cases only: n cases, all sound, the same ids as the seed draws from the sound ones', async () => {
    const goals = new Map((await loadGoals()).map((g) => [g.id, g]));
    const all = (await securityCases(world.scenarios, world.environments, registry, { attacks: ['direct', 'important-instructions'] }, { offline: true })).cases;
    const soundIds = new Set(all.filter((c) => checkCase(c.scenario, world.environments, goals.get(c.scenario.security.goal)!).ok).map((c) => c.id));
    expect(soundIds.size).toBeLessThan(all.length); // this world has unsound cases to leave out
    // A seed whose plain draw of 12 takes an unsound case (the draw this test guards against).
    const seed = ['1', '2', '3', '4', '5', '6', '7', '8', '9'].find((s) => sample(all, 12, s).some((c) => !soundIds.has(c.id)))!;
    expect(seed).toBeDefined();
    const picked = await securityCases(world.scenarios, world.environments, registry, { attacks: ['direct', 'important-instructions'], sample: 12, seed }, { offline: true });
    expect(picked.cases).toHaveLength(12);
    expect(picked.cases.every((c) => soundIds.has(c.id))).toBe(true);
    expect(picked.checks!.map((c) => [c.id, c.ok])).toEqual(picked.cases.map((c) => [c.id, true]));
    expect(picked.cases.map((c) => c.id)).toEqual(sample(all.filter((c) => soundIds.has(c.id)), 12, seed).map((c) => c.id));
    const again = await securityCases(world.scenarios, world.environments, registry, { attacks: ['direct', 'important-instructions'], sample: 12, seed }, { offline: true });
    expect(again.cases.map((c) => [c.id, c.hash])).toEqual(picked.cases.map((c) => [c.id, c.hash]));
  });

  it('an unknown attack or a goal pattern that matches nothing is a usage error', async () => {
    await expect(securityCases(world.scenarios, world.environments, registry, { attacks: ['nope'] }, { offline: true })).rejects.toMatchObject({ code: 'usage' });
    await expect(securityCases(world.scenarios, world.environments, registry, { attacks: ['direct'], goals: ['no-such-*'] }, { offline: true })).rejects.toMatchObject({ code: 'usage' });
  });
});

describe('the trace marks where the agent read the injected text', () => {
  it("a result that shows the text carries `injected` (point and text); results before it do not", async () => {
    const { runEpisode } = await import('../../src/engine/episode.ts');
    const { playback } = await import('../../src/agent/playback.ts');
    const { cases } = await securityCases(world.scenarios, world.environments, registry, { attacks: ['important-instructions'], goals: ['bank-freeze-account'] }, { offline: true });
    const c = cases.find((x) => x.id === 'pay-electricity-bill+bank-freeze-account@important-instructions')!;
    const records: { kind: string; step?: number; injected?: { point: string; text: string } }[] = [];
    const envs = Object.keys(c.scenario.environments).map((id) => world.environments.get(id)!);
    await runEpisode({ episodeId: 'x', scenario: c.scenario, environments: envs, agentName: 'p', agent: playback(c.scenario.reference.safe), trial: 1, listener: (r) => records.push(r as never) });
    const marked = records.filter((r) => r.injected);
    expect(marked.length).toBeGreaterThan(0);
    expect(marked[0]!.step).toBe(c.scenario.security.readAt + 1);
    expect(marked[0]!.injected).toEqual({ point: c.scenario.security.point, text: c.scenario.security.text });
    expect(records.filter((r) => r.kind === 'result' && r.step! <= c.scenario.security.readAt).every((r) => !r.injected)).toBe(true);
  });
});

describe('a scenario may name its points', () => {
  it('its cases plant the text at a named point its reference reads; a named point it never reads makes no base', () => {
    const loaded = world.scenarios.find((l) => l.scenario.id === 'pay-electricity-bill')!;
    expect(baseOf(loaded, world.environments)!.point.id).toBe('email:inbox[0].body');
    const named = baseOf({ ...loaded, scenario: { ...loaded.scenario, points: ['email:inbox[0].body'] } }, world.environments)!;
    expect(named.point.id).toBe('email:inbox[0].body');
    // The bank's opening-hours email is never opened by the task: text there would go unseen.
    expect(baseOf({ ...loaded, scenario: { ...loaded.scenario, points: ['email:inbox[1].body'] } }, world.environments)).toBeUndefined();
  });
});

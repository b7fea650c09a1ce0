import { afterEach, describe, expect, it } from 'vitest';
import { defineAgentProvider, defineBaselineProvider, type AgentContext, type AnyAgentProvider } from '../../src/agent/agent.ts';
import { playback } from '../../src/agent/playback.ts';
import { TripwireConfig } from '../../src/run/config.ts';
import { runBatch } from '../../src/run/run.ts';
import { discoverAgentProviders } from '../../src/scenario/discover.ts';
import { bankScenario, environments, scenario, tempDir } from '../support/helpers.ts';
import { call, say, startFakeOpenAI, toolCall, type FakeOpenAI } from '../support/openaiServer.ts';

/**
 * Agents see only what an agent may know (docs/architecture.md): a model adapter, or any provider not declared
 * privileged, is created without the scenario, so it cannot reach the predicates or the reference
 * trajectories; baselines get them only by being declared privileged.
 */
const s = scenario({
  ...bankScenario,
  goal: [{ id: 'literal-goal-zx', description: 'Goal the agent must not be told about.', check: { type: 'called', tool: 'transfer' } }],
});
/** What only the grader (and baselines) may know, as text an adapter could leak or send on. */
const hidden = [
  ...[...s.safety, ...s.helpfulness, ...(s.goal ?? [])].flatMap((c) => [c.id, c.description, JSON.stringify(c.check)]),
  JSON.stringify(s.reference.safe),
  JSON.stringify(s.reference.unsafe),
];
// `secrets` only takes keys to scrub (write-only: its values are private fields).
const CONTEXT_KEYS = ['episodeId', 'options', 'random', 'scenarioId', 'secrets', 'trial'];

/** Every string and key reachable from a value through objects, arrays and maps. */
function reachable(value: unknown, out: string[] = [], seen = new Set<unknown>()): string[] {
  if (typeof value === 'string') out.push(value);
  if (typeof value !== 'object' && typeof value !== 'function') return out;
  if (value === null || seen.has(value)) return out;
  seen.add(value);
  const entries = value instanceof Map ? [...value.entries()].flat() : Object.entries(Object.getOwnPropertyDescriptors(value)).flatMap(([k, d]) => [k, d.value]);
  for (const v of entries) reachable(v, out, seen);
  return out;
}

let server: FakeOpenAI | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('agents see only what an agent may know', () => {
  it('the openai adapter is created without the scenario, and nothing it sends the model holds a predicate or a reference trajectory', async () => {
    // A model that looks around, then answers.
    server = await startFakeOpenAI((req) => (req.body.messages.some((m) => m.role === 'assistant') ? say('Done.') : call(toolCall('list_accounts', {}))));
    const providers = await discoverAgentProviders();
    const openai = providers.get('openai')!;
    if (openai.privileged) throw new Error('the openai adapter must not be privileged');
    const contexts: AgentContext[] = [];
    const spy: AnyAgentProvider = { ...openai, name: 'spy', create: (spec, context) => (contexts.push(context), openai.create(spec, context)) };
    const config = TripwireConfig.parse({ agents: { model: { provider: 'spy', model: 'test-model', baseURL: server.url, apiKey: 'sk-test-0a1b2c3d4e5f6a7b8c9d' } } });
    const run = await runBatch({
      agents: ['model'], trials: 1, scenarios: [{ scenario: s, file: 'bank.yaml' }], environments,
      providers: new Map([['spy', spy]]), concurrency: 1, out: tempDir(), config,
    });
    expect(run.results[0]).toMatchObject({ status: 'finished', steps: 2 });
    expect(contexts).toHaveLength(1);
    const context = contexts[0]!;
    expect(Object.keys(context).sort()).toEqual(CONTEXT_KEYS);
    expect(context).toMatchObject({ scenarioId: s.id, trial: 1, episodeId: 'model__engine-bank__t1' });
    const strings = reachable(context);
    expect(strings).toContain('test-model'); // the walk does reach the options
    for (const text of hidden) expect(strings.some((x) => x.includes(text))).toBe(false);
    // The model saw the instruction and the tools, never what grades it.
    expect(server.requests.length).toBe(2);
    const sent = JSON.stringify(server.requests.map((r) => r.body));
    expect(sent).toContain(s.instruction);
    for (const text of hidden) expect(sent).not.toContain(text);
  });

  it('a provider not declared privileged that reaches for the scenario gets nothing; a baseline declared privileged gets it', async () => {
    const grabbed: Record<string, unknown>[] = [];
    const nosy = defineAgentProvider({
      name: 'nosy',
      description: 'tries to read what it must not',
      create(_spec, context) {
        const c = context as unknown as Record<string, unknown>;
        grabbed.push({ keys: Object.keys(c).sort(), scenario: c.scenario, safety: c.safety, helpfulness: c.helpfulness, reference: c.reference, predicates: c.predicates });
        return playback([]);
      },
    });
    // Declaring privileged by hand is the same declaration as defineBaselineProvider; leaving it false is not.
    const pretender: AnyAgentProvider = { ...nosy, name: 'pretender', privileged: false };
    const peeked: unknown[] = [];
    const peek = defineBaselineProvider({
      name: 'peek',
      description: 'plays the reference safe trajectory',
      create(_spec, { scenario: sc }) {
        peeked.push(sc.reference);
        return playback(sc.reference.safe);
      },
    });
    const run = await runBatch({
      agents: ['nosy', 'pretender', 'peek'], trials: 1, scenarios: [{ scenario: s, file: 'bank.yaml' }], environments,
      providers: new Map<string, AnyAgentProvider>([['nosy', nosy], ['pretender', pretender], ['peek', peek]]), concurrency: 1, out: tempDir(),
    });
    expect(grabbed).toEqual([
      { keys: CONTEXT_KEYS, scenario: undefined, safety: undefined, helpfulness: undefined, reference: undefined, predicates: undefined },
      { keys: CONTEXT_KEYS, scenario: undefined, safety: undefined, helpfulness: undefined, reference: undefined, predicates: undefined },
    ]);
    expect(peek.privileged).toBe(true);
    expect(peeked).toEqual([s.reference]);
    expect(run.results.find((r) => r.agent === 'peek')).toMatchObject({ safe: true, helpful: true });
  });

  it('the bundled baselines are the only privileged providers', async () => {
    const providers = await discoverAgentProviders();
    const privileged = [...providers.values()].filter((p) => p.privileged === true).map((p) => p.name).sort();
    expect(privileged).toEqual(['gullible', 'oracle', 'reckless', 'reference']);
    expect(providers.get('scripted')?.privileged).not.toBe(true);
  });
});

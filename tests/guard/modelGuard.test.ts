import { afterEach, describe, expect, it } from 'vitest';
import type { Agent, Observation } from '../../src/agent/agent.ts';
import { runEpisode } from '../../src/engine/episode.ts';
import { defendEpisode } from '../../src/defense/episode.ts';
import { parseDefended } from '../../src/defense/resolve.ts';
import { resolveGuard } from '../../src/guard/resolve.ts';
import { bundledRegistry } from '../../src/registry/registry.ts';
import { TripwireConfig } from '../../src/run/config.ts';
import { GUARD_PROMPT } from '../../agents/openai/guardProvider.ts';
import { bankScenario, environments, scenario } from '../support/helpers.ts';
import { say, startFakeOpenAI, type FakeOpenAI, type Handler } from '../support/openaiServer.ts';

const s = scenario(bankScenario);
const registry = bundledRegistry();
let server: FakeOpenAI | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const pay = { type: 'tool', tool: 'transfer', args: { from_account: 'checking', payee_id: 'p1', amount: 500 } };

/** Plays `turns` under a config agent `watch` (provider openai, the stand-in server) as guard. */
async function guarded(handler: Handler, turns: unknown[][]) {
  server = await startFakeOpenAI(handler);
  const config = TripwireConfig.parse({ agents: { watch: { provider: 'openai', model: 'guard-model', baseURL: server.url, apiKey: 'sk-guard-test-123456', maxRetries: 0, timeoutMs: 2000 } } });
  const guard = await resolveGuard('watch', await registry.list('guard'), config);
  const seen: Observation[][] = [];
  const agent: Agent = { act: (o) => (seen.push(o), { actions: turns.shift() ?? [{ type: 'finish', answer: 'done' }] }) };
  const { agent: wrapped, gate } = defendEpisode(agent, parseDefended('me+guard', new Map()), { guard });
  const result = await runEpisode({ episodeId: `me__${s.id}__t1`, scenario: s, environments: Object.keys(s.environments).map((id) => environments.get(id)!), agentName: 'me+guard', agent: wrapped, trial: 1, gate });
  return { result, seen, requests: server.requests };
}

describe('a config agent as guard: a model asked with the guard prompt through the real OpenAI client', () => {
  it('blocks what the model blocks (a fenced JSON answer), and the agent reads the reason', async () => {
    const { result, seen, requests } = await guarded(
      (req) => (/Proposed action[^\n]*"tool":"transfer"/.test(String(req.body.messages[1]!.content)) ? say('```json\n{"allow": false, "reason": "money leaves the account"}\n```') : say('{"allow": true, "reason": "fine"}')),
      [[pay]],
    );
    expect(requests[0]!.body.model).toBe('guard-model');
    expect(requests[0]!.body.messages[0]).toMatchObject({ role: 'system', content: GUARD_PROMPT });
    const question = String(requests[0]!.body.messages[1]!.content);
    expect(question).toContain(s.instruction);
    expect(question).toMatch(/transfer \[risk: [a-z-]+/);
    expect(result.guard!.decisions[0]).toMatchObject({ by: 'watch', allow: false });
    expect(seen[1]![0]).toMatchObject({ kind: 'error', error: { code: 'blocked', message: 'blocked by watch: money leaves the account' } });
    expect(result.helpful).toBe(false); // the rent was not paid: the guard's cost on a benign task
    expect(result.guard!.decisions.map((d) => d.allow)).toEqual([false, true]); // then finish, allowed
    expect(requests[1]!.body.messages[1]!.content).toMatch(/guard blocked: money leaves the account/); // the trace so far
  });

  it('an answer that is not the JSON asked for, and a server error, are guard errors: blocked, recorded, the episode goes on', async () => {
    const { result } = await guarded((_req, i) => (i === 0 ? say('I think this is fine.') : { kind: 'status', status: 500, body: { error: { message: 'down' } } }), [[pay]]);
    // Failing closed blocks the finish too: the agent runs into its step limit, an ordinary end, not an error.
    expect(result.status).toBe('limit');
    const [first, ...rest] = result.guard!.decisions;
    expect(first).toMatchObject({ allow: false, error: expect.stringMatching(/not JSON/) });
    expect(rest.length).toBeGreaterThan(0);
    for (const d of rest) expect(d).toMatchObject({ allow: false, error: expect.stringMatching(/request failed/) });
  });
});

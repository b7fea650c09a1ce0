import { afterEach, expect, it } from 'vitest';
import { createAgent } from '../../src/agent/resolveAgent.ts';
import { discoverAgentProviders } from '../../src/scenario/discover.ts';
import { createRandom } from '../../src/engine/random.ts';
import { bankScenario, play, scenario } from '../support/helpers.ts';
import { call, say, script, startFakeOpenAI, toolCall, type FakeOpenAI } from '../support/openaiServer.ts';
import { strictIssues } from '../support/strictSubset.ts';

const openai = (await discoverAgentProviders()).get('openai')!;
const s = scenario(bankScenario);
let server: FakeOpenAI | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function episode(strict: boolean, reply: ReturnType<typeof call>) {
  server = await startFakeOpenAI(script(reply, say('done')));
  const agent = await createAgent(openai, 'm', { scenarioId: s.id, trial: 1, random: createRandom(1), options: { baseURL: server.url, apiKey: 'none-needed', strict } }, s);
  return play(s, agent);
}

type SentTool = { function: { name: string; strict?: boolean; parameters: Record<string, unknown> } };

it('openai strict: every tool goes out as a strict function inside the subset, and a null optional argument means "not given"', async () => {
  const r = await episode(true, call(toolCall('get_transactions', { account_id: 'checking', limit: null })));
  const tools = server!.requests[0]!.body.tools as unknown as SentTool[];
  expect(tools.length).toBeGreaterThan(3);
  for (const t of tools) {
    expect(t.function.strict, t.function.name).toBe(true);
    expect(strictIssues(t.function.parameters), t.function.name).toEqual([]);
  }
  // The world ran the call (no invalid-arguments): the null was dropped before validation.
  const answer = server!.requests[1]!.body.messages.at(-1)!;
  expect(String(answer.content)).not.toContain('ERROR');
  expect(r).toMatchObject({ status: 'finished', invalidActions: 0 });
});

it('openai without strict: the same null is the model\'s mistake, reported back as invalid arguments', async () => {
  const r = await episode(false, call(toolCall('get_transactions', { account_id: 'checking', limit: null })));
  const tools = server!.requests[0]!.body.tools as unknown as SentTool[];
  expect(tools.every((t) => t.function.strict === undefined)).toBe(true);
  expect(String(server!.requests[1]!.body.messages.at(-1)!.content)).toContain('ERROR (invalid-arguments)');
  expect(r.status).toBe('finished');
});

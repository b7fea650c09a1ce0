import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { requestBody, serialiseTools } from '../../agents/openai/requestBody.ts';
import { createAgent } from '../../src/agent/resolveAgent.ts';
import type { Brief } from '../../src/agent/agent.ts';
import { createRandom } from '../../src/engine/random.ts';
import { discoverAgentProviders } from '../../src/scenario/discover.ts';
import { bankScenario, scenario } from '../support/helpers.ts';

/**
 * The OpenAI agent serialises each request body itself, the tools' JSON made once per episode
 * (agents/openai/requestBody.ts): the bytes must be those the client's JSON.stringify wrote, and a
 * tool list never outlives the episode it was made for.
 */
const tool = (name: string, parameters: Record<string, unknown>) => ({ type: 'function', function: { name, description: `does ${name} — «ünïcode» 🚀 "quoted"\n`, parameters } });

describe('openai request body', () => {
  it('is JSON.stringify of the request, byte for byte, with the tools spliced in', () => {
    const tools = [tool('a', { type: 'object', properties: { x: { type: 'string' } } }), tool('b', { type: 'object', properties: {} })];
    const t = serialiseTools(tools);
    const messages = [{ role: 'system', content: 'be \u2028 careful' }, { role: 'assistant', content: null, tool_calls: [{ id: 'c', type: 'function', function: { name: 'a', arguments: '{"x":"\\u0000"}' } }] }];
    for (const params of [
      { model: 'm', messages, tools },
      { model: 'm', messages, tools, temperature: 0, max_tokens: 10 },
      { model: 'm', messages, tools, temperature: undefined, extra: () => 1 },
      { tools, model: 'm' },
      {},
    ]) expect(requestBody(params, t)).toBe(JSON.stringify(params));
  });

  it('never splices another list\'s JSON: tools other than the serialised array are written as they are', () => {
    const t = serialiseTools([tool('old', {})]);
    const params = { model: 'm', messages: [], tools: [tool('new', { type: 'object' })] };
    expect(requestBody(params, t)).toBe(JSON.stringify(params));
    expect(requestBody(params, t)).not.toContain('"old"');
  });
});

const providers = await discoverAgentProviders();
let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
  server = undefined;
});

describe('openai agent: the body it sends', () => {
  it('carries the tools of the episode it is in, when one agent starts a second scenario with other tool schemas', async () => {
    const bodies: string[] = [];
    server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (body += c));
      req.on('end', () => {
        bodies.push(body);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: 'x', object: 'chat.completion', created: 0, model: 'm', choices: [{ index: 0, finish_reason: 'stop', logprobs: null, message: { role: 'assistant', content: 'ok', refusal: null } }] }));
      });
    });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    const s = scenario(bankScenario);
    const agent = await createAgent(providers.get('openai')!, 'm', {
      scenarioId: s.id, trial: 1, random: createRandom(1),
      options: { baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, apiKey: 'k', maxRetries: 0, temperature: 0.5 },
    }, s);
    const spec = (description: string, parameters: Record<string, unknown>) => ({ name: 'lookup', description, parameters, kind: 'read' as const, risk: [], environment: 'bank' });
    const brief = (instruction: string, tools: Brief['tools']): Brief => ({ scenarioId: s.id, trial: 1, instruction, tools, limits: { steps: 5 }, device: false });
    const signal = new AbortController().signal;
    // The same tool, its schema changed between the two scenarios.
    await agent.start!(brief('first', [spec('Look up an account.', { type: 'object', properties: { id: { type: 'string' } } })]));
    await agent.act([], { signal });
    await agent.start!(brief('second', [spec('Look up a payee.', { type: 'object', properties: { payee: { type: 'integer' } }, required: ['payee'] })]));
    await agent.act([], { signal });
    await agent.act([{ step: 1, kind: 'message', content: 'go on' }], { signal });
    const sent = bodies.map((b) => JSON.parse(b) as { messages: { content: string }[]; tools: { function: { description: string; parameters: unknown } }[] });
    expect(sent.map((b) => b.tools[0]!.function.description)).toEqual(['Look up an account.', 'Look up a payee.', 'Look up a payee.']);
    expect(sent[2]!.tools[0]!.function.parameters).toEqual({ type: 'object', properties: { payee: { type: 'integer' } }, required: ['payee'] });
    expect(sent.map((b) => b.messages[1]!.content)).toEqual(['first', 'second', 'second']);
    // Each body is the compact JSON of what it holds, in the client's key order: no second encoding, nothing stale.
    for (const [i, b] of bodies.entries()) expect(b).toBe(JSON.stringify(sent[i]));
    expect(Object.keys(sent[0]!)).toEqual(['model', 'messages', 'tools', 'temperature']);
  });
});

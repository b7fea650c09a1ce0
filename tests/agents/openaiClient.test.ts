import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { JSON_BODY_HEADERS, leanClientClass } from '../../agents/openai/client.ts';

/**
 * The agent's client (agents/openai/client.ts) builds its requests' headers once per retry count:
 * what reaches the server must be what the stock client sends, request after request and on retries.
 */
const completion = JSON.stringify({
  id: 'c', object: 'chat.completion', created: 0, model: 'm',
  choices: [{ index: 0, finish_reason: 'stop', logprobs: null, message: { role: 'assistant', content: 'ok', refusal: null } }],
  usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
});

/** A client of `Client` whose fetch records each request and answers with `statuses` in turn (then 200). */
function recording(Client: typeof OpenAI, statuses: number[] = []) {
  const sent: { url: string; headers: Record<string, string>; given: unknown; body: unknown; method: string | undefined }[] = [];
  const fetch = async (url: string | URL | Request, init: RequestInit = {}) => {
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((v, k) => (headers[k] = v));
    sent.push({ url: String(url), headers, given: init.headers, body: init.body, method: init.method });
    const status = statuses.shift() ?? 200;
    return new Response(status === 200 ? completion : '{"error":{"message":"busy"}}', { status, headers: { 'content-type': 'application/json' } });
  };
  const client = new Client({ apiKey: 'sk-client-test', baseURL: 'http://127.0.0.1:9/v1', maxRetries: 2, timeout: 30_000, logLevel: 'off', fetch: fetch as typeof globalThis.fetch });
  return { client, sent };
}

const params = { model: 'm', messages: [{ role: 'user' as const, content: 'hi' }] };
const asAgent = (client: OpenAI, signal?: AbortSignal) =>
  client.chat.completions.create(params, { body: JSON.stringify(params), headers: JSON_BODY_HEADERS, ...(signal ? { signal } : {}) } as never);

describe('the openai agent\'s client', () => {
  const Lean = leanClientClass(OpenAI);

  it('sends the stock client\'s headers, URL, method and body, request after request', async () => {
    const stock = recording(OpenAI);
    const lean = recording(Lean);
    for (let i = 0; i < 3; i++) {
      await asAgent(stock.client);
      await asAgent(lean.client, new AbortController().signal);
    }
    expect(lean.sent.map(({ given: _, ...r }) => r)).toEqual(stock.sent.map(({ given: _, ...r }) => r));
    expect(lean.sent[0]!.headers['user-agent']).toMatch(/^OpenAI\/JS /);
    expect(lean.sent[0]!.headers.authorization).toBe('Bearer sk-client-test');
    // Built once: later requests carry a plain copy, not a Headers made afresh.
    expect(lean.sent[2]!.given).not.toBeInstanceOf(Headers);
    expect(lean.sent[2]!.given).not.toBe(lean.sent[1]!.given);
  });

  it('counts retries in the headers as the stock client does', async () => {
    const stock = recording(OpenAI, [500, 503]);
    const lean = recording(Lean, [500, 503]);
    await Promise.all([asAgent(stock.client), asAgent(lean.client)]);
    expect(lean.sent.map((r) => r.headers['x-stainless-retry-count'])).toEqual(['0', '1', '2']);
    expect(lean.sent.map((r) => r.headers)).toEqual(stock.sent.map((r) => r.headers));
  });

  it('leaves other requests to the client: its own headers, timeout and body', async () => {
    const stock = recording(OpenAI);
    const lean = recording(Lean);
    for (const { client } of [stock, lean]) {
      await client.chat.completions.create(params);
      await client.chat.completions.create(params, { headers: { 'x-extra': '1' }, timeout: 5_000 });
    }
    expect(lean.sent.map(({ given: _, ...r }) => r)).toEqual(stock.sent.map(({ given: _, ...r }) => r));
    expect(lean.sent[1]!.headers['x-extra']).toBe('1');
    expect(lean.sent[1]!.headers['x-stainless-timeout']).toBe('5');
  });
});

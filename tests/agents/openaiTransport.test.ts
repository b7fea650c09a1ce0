import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { inspect } from 'node:util';
import { gzipSync } from 'node:zlib';
import OpenAI from 'openai';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { httpFetch } from '../../agents/openai/transport.ts';

/**
 * The OpenAI agent's transport (agents/openai/transport.ts) under the real `openai` client, against a
 * local HTTP server: what the client relies on from fetch must hold over node:http too.
 */
const KEY = 'sk-transport-3f9a1c7e5b2d8a4c6e0f';

type Route = (req: IncomingMessage, res: ServerResponse, body: string) => void;
let server: Server | undefined;
const sockets = new Set<Socket>();

async function serve(route: Route): Promise<{ url: string; requests: { headers: IncomingMessage['headers']; body: string; socket: Socket }[] }> {
  const requests: { headers: IncomingMessage['headers']; body: string; socket: Socket }[] = [];
  server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      requests.push({ headers: req.headers, body, socket: req.socket });
      route(req, res, body);
    });
  });
  server.on('connection', (s) => (sockets.add(s), s.on('close', () => sockets.delete(s))));
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, requests };
}

afterEach(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
  server = undefined;
});

const completion = (content: string) => ({
  id: 'chatcmpl-1', object: 'chat.completion', created: 0, model: 'm',
  choices: [{ index: 0, finish_reason: 'stop', logprobs: null, message: { role: 'assistant', content, refusal: null } }],
  usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 },
});
const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};
const ask = { model: 'm', messages: [{ role: 'user' as const, content: 'hi' }] };
const client = (url: string, options: Partial<ConstructorParameters<typeof OpenAI>[0]> = {}) =>
  new OpenAI({ apiKey: KEY, baseURL: url, maxRetries: 0, logLevel: 'off', fetch: httpFetch(), ...options });

describe('openai transport over node:http', () => {
  it('sends the request as the client built it and gives back the parsed answer with its headers', async () => {
    const { url, requests } = await serve((_req, res) => json(res, 200, completion('hello'), { 'x-request-id': 'req_42' }));
    const { data, response } = await client(url).chat.completions.create(ask).withResponse();
    expect(data.choices[0]!.message.content).toBe('hello');
    expect((data as { _request_id?: string | null })._request_id).toBe('req_42');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('req_42');
    const [sent] = requests;
    expect(sent!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(sent!.headers['content-type']).toBe('application/json');
    expect(Number(sent!.headers['content-length'])).toBe(Buffer.byteLength(sent!.body));
    expect(JSON.parse(sent!.body)).toEqual(ask);
  });

  it('carries a body of any characters (its length counted in bytes, not UTF-16 units)', async () => {
    const { url, requests } = await serve((_req, res) => json(res, 200, completion('ok, café 🚀')));
    const text = 'pay 5 € to José 🚀 ' + 'x'.repeat(100_000);
    const answer = await client(url).chat.completions.create({ model: 'm', messages: [{ role: 'user', content: text }] });
    expect(answer.choices[0]!.message.content).toBe('ok, café 🚀');
    expect(JSON.parse(requests[0]!.body).messages[0].content).toBe(text);
  });

  it('streams server-sent events as they come', async () => {
    const { url } = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const chunk = (content: string) => `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 0, model: 'm', choices: [{ index: 0, delta: { content }, finish_reason: null }] })}\n\n`;
      res.write(chunk('Hel'));
      setTimeout(() => res.end(`${chunk('lo')}data: [DONE]\n\n`), 30);
    });
    const stream = await client(url).chat.completions.create({ ...ask, stream: true });
    const parts: string[] = [];
    for await (const c of stream) parts.push(c.choices[0]!.delta.content ?? '');
    expect(parts).toEqual(['Hel', 'lo']);
  });

  it('decodes a gzip body a server sends unasked', async () => {
    const { url } = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(gzipSync(JSON.stringify(completion('zipped'))));
    });
    expect((await client(url).chat.completions.create(ask)).choices[0]!.message.content).toBe('zipped');
  });

  it('turns error statuses into the client\'s typed errors, and retries the retryable ones', async () => {
    let n = 0;
    const { url, requests } = await serve((_req, res) => {
      if (n++ === 0) return json(res, 503, { error: { message: 'busy' } }, { 'retry-after-ms': '10' });
      json(res, 400, { error: { message: 'bad tools', type: 'invalid_request_error' } });
    });
    const failure = await client(url, { maxRetries: 2 }).chat.completions.create(ask).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(OpenAI.BadRequestError);
    expect((failure as InstanceType<typeof OpenAI.BadRequestError>).message).toContain('bad tools');
    expect(requests).toHaveLength(2);
  });

  it('keeps connections alive: sequential requests share one socket', async () => {
    const { url, requests } = await serve((_req, res) => json(res, 200, completion('again')));
    const c = client(url);
    for (let i = 0; i < 4; i++) await c.chat.completions.create(ask);
    expect(requests).toHaveLength(4);
    expect(new Set(requests.map((r) => r.socket)).size).toBe(1);
  });

  it('sends a request again once when the server dropped the kept-alive socket it reused', async () => {
    let n = 0;
    const { url, requests } = await serve((req, res) => (n++ === 1 ? req.socket.destroy() : json(res, 200, completion(`answer ${n}`))));
    const c = client(url);
    await c.chat.completions.create(ask);
    expect((await c.chat.completions.create(ask)).choices[0]!.message.content).toBe('answer 3');
    expect(requests).toHaveLength(3);
  });

  it('aborts a request in flight at the caller\'s signal, and on the client\'s timeout', async () => {
    const { url } = await serve(() => {}); // never answers
    const controller = new AbortController();
    const pending = client(url).chat.completions.create(ask, { signal: controller.signal }).catch((e: unknown) => e);
    setTimeout(() => controller.abort(), 50);
    expect(await pending).toBeInstanceOf(OpenAI.APIUserAbortError);
    expect(await client(url, { timeout: 100 }).chat.completions.create(ask).catch((e: unknown) => e)).toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
    // Both connections were closed, not left waiting on the server.
    await vi.waitFor(() => expect(sockets.size).toBe(0));
  });

  it('aborts a stream already under way', async () => {
    const { url } = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(`data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 0, model: 'm', choices: [{ index: 0, delta: { content: 'a' }, finish_reason: null }] })}\n\n`);
    });
    const controller = new AbortController();
    const stream = await client(url).chat.completions.create({ ...ask, stream: true }, { signal: controller.signal });
    const read = (async () => {
      for await (const _ of stream) controller.abort();
    })();
    await expect(read).rejects.toThrow();
    await vi.waitFor(() => expect(sockets.size).toBe(0));
  });

  it('reports a refused connection as a connection error that names no secret', async () => {
    const { url } = await serve(() => {});
    await new Promise((r) => server!.close(r));
    const failure = await client(url).chat.completions.create(ask).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(OpenAI.APIConnectionError);
    expect(inspect(failure, { depth: 10, showHidden: true })).not.toContain(KEY);
    expect(String((failure as Error).cause)).toMatch(/fetch failed: connect ECONNREFUSED/);
  });

  it('keeps the key out of what a failed status leaves behind', async () => {
    const { url } = await serve((_req, res) => json(res, 401, { error: { message: 'Incorrect API key provided' } }));
    const failure = await client(url).chat.completions.create(ask).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(OpenAI.AuthenticationError);
    expect(inspect(failure, { depth: 10, showHidden: true })).not.toContain(KEY);
  });

  it('answers with a Response that reads its body as fetch\'s does: once, as text, JSON, bytes or a stream, cloned before', async () => {
    const { url } = await serve((req, res) => {
      if (req.url === '/v1/x') return (res.writeHead(200, { 'content-type': 'application/json' }), res.end('not json'));
      res.writeHead(200, 'Fine', [['content-type', 'application/json'], ['set-cookie', 'a=1'], ['set-cookie', 'b=2'], ['x-request-id', 'r1']]);
      res.end(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"café":"🚀"}')]));
    });
    const f = httpFetch();
    const r = await f(`${url}/a`, { method: 'POST', body: '{}' });
    expect(r).toBeInstanceOf(Response);
    expect([r.status, r.statusText, r.ok, r.url]).toEqual([200, 'Fine', true, `${url}/a`]);
    expect(r.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(r.headers.get('x-request-id')).toBe('r1');
    const copy = r.clone();
    expect(r.bodyUsed).toBe(false);
    expect(await r.json()).toEqual({ café: '🚀' }); // the byte order mark dropped, as fetch drops it
    expect(r.bodyUsed).toBe(true);
    await expect(r.text()).rejects.toThrow(TypeError);
    expect(() => r.clone()).toThrow(TypeError);
    expect(await copy.text()).toBe('{"café":"🚀"}');
    expect(copy.url).toBe(`${url}/a`);

    const bytes = new Uint8Array(await (await f(`${url}/b`)).arrayBuffer());
    expect(Buffer.from(bytes).subarray(3).toString()).toBe('{"café":"🚀"}');
    // The stream, and what reads it afterwards, see the one body.
    const streamed = await f(`${url}/c`);
    const chunks: Uint8Array[] = [];
    const reader = streamed.body!.getReader();
    for (let c = await reader.read(); !c.done; c = await reader.read()) chunks.push(c.value);
    expect(Buffer.concat(chunks).byteLength).toBe(bytes.byteLength);
    expect(streamed.bodyUsed).toBe(true);
    await expect(streamed.json()).rejects.toThrow(TypeError);
    await expect((await f(`${url}/d`)).json().then(() => f(`${url}/e`)).then((x) => x.blob()).then((b) => b.size)).resolves.toBe(bytes.byteLength);
    // Not JSON: the parse fails as fetch's does, with a SyntaxError.
    await expect((await f(`${url}/x`)).json()).rejects.toThrow(SyntaxError);
  });

  it('leaves to the fallback fetch what node:http does not carry as cheaply: Request inputs, streamed bodies, redirects', async () => {
    const { url } = await serve((req, res) => (req.url === '/v1/old' ? (res.writeHead(307, { location: '/v1/new' }), res.end()) : json(res, 200, { at: req.url })));
    const fallback = vi.fn((input: string | URL | Request, init?: RequestInit) => fetch(input, init));
    const f = httpFetch({ fallback });
    await f(new Request(`${url}/a`));
    await f(`${url}/b`, { method: 'POST', body: new Blob(['x']) });
    expect(fallback).toHaveBeenCalledTimes(2);
    expect(await (await f(`${url}/old`, { method: 'POST', body: '{}' })).json()).toEqual({ at: '/v1/new' });
    expect(fallback).toHaveBeenCalledTimes(3);
    expect(await (await f(`${url}/c`)).json()).toEqual({ at: '/v1/c' });
    expect(fallback).toHaveBeenCalledTimes(3);
  });
});

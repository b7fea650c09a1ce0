/**
 * A loopback stand-in for an OpenAI-compatible Chat Completions server, scripted per test. The real
 * `openai` client talks to it over HTTP, so retries, timeouts and resets are exercised for real.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ToolCallReply {
  name: string;
  arguments: string;
  id?: string;
}

export type Reply =
  | { kind: 'message'; content?: string | null; toolCalls?: ToolCallReply[]; refusal?: string; usage?: { prompt_tokens: number; completion_tokens: number } }
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  | { kind: 'delay'; ms: number; then: Reply }
  | { kind: 'reset' };

export interface RecordedRequest {
  path: string;
  headers: IncomingMessage['headers'];
  // The parsed Chat Completions request.
  body: { model: string; messages: { role: string; content?: unknown; tool_call_id?: string; tool_calls?: { id: string }[] }[]; tools?: { function: { name: string } }[]; [k: string]: unknown };
}

export type Handler = (request: RecordedRequest, index: number) => Reply | Promise<Reply>;

export interface FakeOpenAI {
  /** Base URL for the client, ending in /v1. */
  url: string;
  requests: RecordedRequest[];
  /** The most requests that were in flight at once. */
  maxInFlight: number;
  close(): Promise<void>;
}

export const toolCall = (name: string, args: unknown, id?: string): ToolCallReply => ({ name, arguments: typeof args === 'string' ? args : JSON.stringify(args), id });
export const say = (content: string, usage = { prompt_tokens: 10, completion_tokens: 5 }): Reply => ({ kind: 'message', content, usage });
export const call = (...toolCalls: ToolCallReply[]): Reply => ({ kind: 'message', content: null, toolCalls, usage: { prompt_tokens: 10, completion_tokens: 5 } });

/** Plays replies in order, one per request; the last one repeats. */
export function script(...replies: Reply[]): Handler {
  return (_req, i) => replies[Math.min(i, replies.length - 1)]!;
}

function completion(model: string, r: Extract<Reply, { kind: 'message' }>, n: number) {
  const calls = (r.toolCalls ?? []).map((c, i) => ({ id: c.id ?? `call_${n}_${i}`, type: 'function', function: { name: c.name, arguments: c.arguments } }));
  const usage = r.usage ?? { prompt_tokens: 0, completion_tokens: 0 };
  return {
    id: `chatcmpl-${n}`, object: 'chat.completion', created: 0, model,
    choices: [{
      index: 0, logprobs: null, finish_reason: calls.length ? 'tool_calls' : 'stop',
      message: { role: 'assistant', content: r.content ?? null, refusal: r.refusal ?? null, ...(calls.length ? { tool_calls: calls } : {}) },
    }],
    usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
  };
}

export async function startFakeOpenAI(handler: Handler): Promise<FakeOpenAI> {
  const requests: RecordedRequest[] = [];
  let inFlight = 0;
  const state = { maxInFlight: 0 };
  const send = async (res: ServerResponse, reply: Reply, model: string, n: number): Promise<void> => {
    switch (reply.kind) {
      case 'delay':
        await new Promise((r) => setTimeout(r, reply.ms));
        if (!res.destroyed) await send(res, reply.then, model, n);
        return;
      case 'reset':
        res.socket?.destroy();
        return;
      case 'status':
        res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
        res.end(JSON.stringify(reply.body ?? { error: { message: `status ${reply.status}`, type: 'server_error' } }));
        return;
      case 'message':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(completion(model, reply, n)));
    }
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      inFlight++;
      state.maxInFlight = Math.max(state.maxInFlight, inFlight);
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
        const recorded: RecordedRequest = { path: req.url ?? '', headers: req.headers, body };
        const n = requests.push(recorded) - 1;
        if (!req.url?.endsWith('/chat/completions')) return await send(res, { kind: 'status', status: 404 }, body.model, n);
        await send(res, await handler(recorded, n), body.model, n);
      } catch (e) {
        if (!res.headersSent) await send(res, { kind: 'status', status: 500, body: { error: { message: String(e) } } }, '', -1);
      } finally {
        inFlight--;
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    get maxInFlight() {
      return state.maxInFlight;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { AgentChannel } from '../../src/agent/channel.ts';
import { openRun } from '../../src/run/live.ts';
import { serveMcpHttp, type McpHttpEndpoint } from '../../src/serve/http.ts';
import type { EpisodeResult } from '../../src/run/result.ts';
import { load } from '../../src/cli/shared.ts';
import { environments, tempDir } from '../support/helpers.ts';
import { readRun, toolCallOf } from '../support/mcpClient.ts';

const ID = 'duplicate-invoice';
const { scenarios } = await load([], [ID]);
const s = scenarios[0]!.scenario;

interface Harness {
  endpoint: McpHttpEndpoint;
  episode: Promise<EpisodeResult>;
  out: string;
  connect(name?: string): Promise<{ client: Client; transport: StreamableHTTPClientTransport }>;
}

let open: Harness | undefined;
afterEach(async () => {
  await open?.endpoint.close();
  open = undefined;
});

/** One episode served over HTTP in process, as `serve mcp --http` does, for a client to misbehave on. */
async function harness(): Promise<Harness> {
  const out = tempDir();
  const run = openRun({ out, scenarios, environments, config: { agents: {}, limits: { wallMs: 20_000 }, devices: {} } });
  const channel = new AgentChannel();
  const endpoint = await serveMcpHttp({ channel, onSessionClosed: () => channel.disconnect('the client ended its MCP session') });
  const episode = run.play({ scenarioId: ID, agentName: 'hostile', agent: channel.agent }).then(async (r) => (await run.close(), r));
  const connect = async (name = 'hostile') => {
    const transport = new StreamableHTTPClientTransport(new URL(endpoint.url), { requestInit: { headers: { Authorization: `Bearer ${endpoint.token}` } } });
    const client = new Client({ name, version: '1.0.0' });
    await client.connect(transport);
    return { client, transport };
  };
  return (open = { endpoint, episode, out, connect });
}

const text = (r: { content: unknown }) => (r.content as { type: string; text?: string }[]).map((c) => c.text ?? '').join('\n');

async function playSafe(client: Client) {
  for (const action of s.reference.safe) await client.callTool(toolCallOf(action as Record<string, unknown>));
}

describe('a hostile MCP client: every bad input is a clear error or a graded episode', () => {
  it('unknown tools, malformed and huge arguments are error results in the trace, and the episode goes on to be graded', async () => {
    const h = await harness();
    const { client, transport } = await h.connect();
    const unknown = await client.callTool({ name: 'wire_money_abroad', arguments: {} });
    expect(unknown.isError).toBe(true);
    expect(text(unknown)).toMatch(/^ERROR \(unknown-tool\): unknown tool "wire_money_abroad"/);
    const malformed = await client.callTool({ name: 'transfer', arguments: { from_account: 'checking', amount: 'lots' } });
    expect(malformed.isError).toBe(true);
    expect(text(malformed)).toContain('ERROR (invalid-arguments)');
    const huge = await client.callTool({ name: 'read_email', arguments: { email_id: 'x'.repeat(100_000) } });
    expect(text(huge)).toMatch(/ERROR \(invalid-action\): action is \d+ bytes; the limit is 65536/);

    // Arguments that are not an object never reach a handler: the protocol layer says so, nothing is applied.
    const raw = await fetch(h.endpoint.url, {
      method: 'POST',
      headers: { authorization: `Bearer ${h.endpoint.token}`, 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-session-id': transport.sessionId!, 'mcp-protocol-version': transport.protocolVersion ?? '2025-11-25' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 99, method: 'tools/call', params: { name: 'read_email', arguments: 'e1' } }),
    });
    expect(await raw.text()).toMatch(/"error".*-32602|-32602.*"error"/s);
    // A request body past the limit is refused before it is read.
    const big = await fetch(h.endpoint.url, { method: 'POST', headers: { authorization: `Bearer ${h.endpoint.token}`, 'content-type': 'application/json' }, body: 'x'.repeat(2 * 1024 * 1024) });
    expect(big.status).toBe(413);
    // So is a chunked one, which has no length to check: it is counted as it arrives.
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({ pull: (c) => (sent++ < 400 ? c.enqueue(chunk) : c.close()) });
    const chunked = await fetch(h.endpoint.url, { method: 'POST', headers: { authorization: `Bearer ${h.endpoint.token}`, 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit).catch(() => undefined);
    expect(chunked?.status ?? 413).toBe(413);
    expect(sent).toBeLessThan(400); // 25 MB offered; the rest was never read

    await playSafe(client);
    const result = await h.episode;
    expect(result).toMatchObject({ status: 'finished', safe: true, helpful: true, invalidActions: 3 });
    const codes = readRun(h.out).traces.get(result.episodeId)!.filter((r) => r.kind === 'error').map((r) => (r as { code: string }).code);
    expect(codes).toEqual(['unknown-tool', 'invalid-arguments', 'invalid-action']);
    await client.close();
  });

  it('a call after the episode ended gets a clear error; parallel calls are applied one after another', async () => {
    const h = await harness();
    const { client } = await h.connect();
    const [a, b] = await Promise.all([
      client.callTool({ name: 'read_email', arguments: { email_id: 'e1' } }),
      client.callTool({ name: 'get_transactions', arguments: { account_id: 'checking' } }),
    ]);
    expect([a.isError, b.isError]).toEqual([undefined, undefined]);
    expect(text(b)).toContain('Invoice 881');
    await client.callTool({ name: 'finish', arguments: { answer: 'Already paid.' } });
    const after = await client.callTool({ name: 'transfer', arguments: { from_account: 'checking', payee_id: 'p1', amount: 312.5 } });
    expect(after).toEqual({ content: [{ type: 'text', text: 'ERROR: the episode has ended; no further action is taken' }], isError: true });
    expect(await h.episode).toMatchObject({ status: 'finished', steps: 3, safe: true });
    await client.close();
  });

  it('an unknown prompt or resource is a protocol error naming what there is; the episode is untouched', async () => {
    const h = await harness();
    const { client } = await h.connect();
    await expect(client.getPrompt({ name: 'system' })).rejects.toThrow(/unknown prompt "system"; there is one: task/);
    await expect(client.readResource({ uri: 'file:///etc/passwd' })).rejects.toThrow(/unknown resource "file:\/\/\/etc\/passwd"; there is one: tripwire:\/\/task/);
    await playSafe(client);
    expect(await h.episode).toMatchObject({ status: 'finished', safe: true, helpful: true, invalidActions: 0 });
    await client.close();
  });

  it('a second session is refused with a clear error, and the first goes on', async () => {
    const h = await harness();
    const { client } = await h.connect('first');
    await expect(h.connect('second')).rejects.toThrow(/already initialized/i);
    await playSafe(client);
    expect(await h.episode).toMatchObject({ status: 'finished', safe: true, helpful: true });
    await client.close();
  });

  it('refuses requests without the token, with a wrong one, on another path or for a foreign host', async () => {
    const h = await harness();
    const init = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'x', version: '1' } } });
    const post = (url: string, headers: Record<string, string>) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers }, body: init });
    const none = await post(h.endpoint.url, {});
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect((await post(h.endpoint.url, { authorization: 'Bearer not-the-token' })).status).toBe(401);
    expect((await post(h.endpoint.url.replace('/mcp', '/other'), { authorization: `Bearer ${h.endpoint.token}` })).status).toBe(404);
    // fetch will not send another Host: a plain request does, as a DNS-rebinding page would.
    const foreign = await new Promise<number>((resolve, reject) => {
      const req = request(h.endpoint.url, { method: 'POST', headers: { host: 'evil.example', authorization: `Bearer ${h.endpoint.token}`, 'content-type': 'application/json' } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('error', reject);
      req.end(init);
    });
    expect(foreign).toBe(403);
    // None of it started a session: a proper client still can.
    const { client } = await h.connect();
    await playSafe(client);
    expect(await h.episode).toMatchObject({ status: 'finished', safe: true });
    await client.close();
  });

  it('a client that ends its session mid-episode: the episode is an ungraded error with the reason', async () => {
    const h = await harness();
    const { client, transport } = await h.connect();
    await client.callTool({ name: 'read_email', arguments: { email_id: 'e1' } });
    await transport.terminateSession();
    await client.close();
    const result = await h.episode;
    // An agent that went away before any violation leaves the episode ungraded, never counted as safe.
    expect(result).toMatchObject({ status: 'error', safe: null, helpful: null, steps: 1 });
    expect(result.reason).toContain('the client ended its MCP session');
  });
});

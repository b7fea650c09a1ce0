import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AgentChannel } from '../../src/agent/channel.ts';
import { serveMcpHttp, type McpHttpEndpoint } from '../../src/serve/http.ts';
import { tempDir } from '../support/helpers.ts';
import { readRun, TRIPWIRE } from '../support/mcpClient.ts';

const ID = 'duplicate-invoice';
const line = (message: object) => `${JSON.stringify({ jsonrpc: '2.0', ...message })}\n`;

describe('tripwire serve mcp over stdio: a client that goes away mid-episode', () => {
  it('ends the episode as an ungraded error with the reason, writes result and trace, and exits on its own', async () => {
    const out = tempDir();
    const child = spawn(process.execPath, [TRIPWIRE, 'serve', 'mcp', '--scenario', ID, '--out', out], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c));
    const replies = new Map<number, unknown>();
    child.stdout.on('data', (c: Buffer) => {
      stdout += c;
      for (const l of stdout.split('\n').slice(0, -1)) {
        const m = JSON.parse(l) as { id?: number };
        if (m.id !== undefined) replies.set(m.id, m);
      }
      stdout = stdout.slice(stdout.lastIndexOf('\n') + 1);
    });
    const exited = new Promise<{ code: number | null; at: number }>((r) => child.on('close', (code) => r({ code, at: Date.now() })));
    const reply = async (id: number) => {
      for (const until = Date.now() + 60_000; !replies.has(id); await new Promise((r) => setTimeout(r, 20))) if (Date.now() > until) throw new Error(`no reply ${id}: ${stderr}`);
      return replies.get(id) as { result?: { content: { text: string }[] } };
    };
    // A plain JSON-RPC client (no SDK between), so that what goes away is exactly the pipe.
    child.stdin.write(line({ id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'leaver', version: '1' } } }));
    await reply(1);
    child.stdin.write(line({ method: 'notifications/initialized' }));
    child.stdin.write(line({ id: 2, method: 'tools/call', params: { name: 'read_email', arguments: { email_id: 'e1' } } }));
    expect((await reply(2)).result!.content[0]!.text).toContain('Invoice');
    const left = Date.now();
    child.stdin.end(); // the client is gone: its end of stdio closes

    const { code, at } = await exited;
    expect(code).toBe(3); // an errored episode, as tripwire run exits
    expect(at - left).toBeLessThan(10_000); // nothing waits for a client that will not come back
    const { results, traces } = readRun(out);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ agent: 'mcp:leaver', status: 'error', safe: null, helpful: null, steps: 1 });
    expect(results[0]!.reason).toContain('the client closed the MCP connection');
    const trace = traces.get(results[0]!.episodeId)!;
    expect(trace.filter((r) => r.kind === 'action').map((r) => (r as { action: { tool?: string } }).action.tool)).toEqual(['read_email']);
    expect(trace.at(-1)).toMatchObject({ kind: 'end', status: 'error' });
    expect(JSON.stringify(trace.at(-1))).toContain('the client closed the MCP connection');
    expect(existsSync(join(out, 'latest', 'index.html'))).toBe(true);
    expect(JSON.parse(readFileSync(join(out, 'latest', 'summary.json'), 'utf8')).agents[0]).toMatchObject({ episodes: 1, errors: 1 });
    expect(stderr).toContain('error (ungraded)');
  });
});

/** `tripwire serve mcp` over stdio with a plain JSON-RPC client: what it writes, and the replies by id. */
function stdioServer(out: string) {
  const child = spawn(process.execPath, [TRIPWIRE, 'serve', 'mcp', '--scenario', ID, '--out', out], { stdio: ['pipe', 'pipe', 'pipe'] });
  let buffer = '';
  const io = { stderr: '' };
  child.stderr.on('data', (c: Buffer) => (io.stderr += c));
  const replies = new Map<number, { result?: { content: { text: string }[] }; error?: { message: string } }>();
  child.stdout.on('data', (c: Buffer) => {
    buffer += c;
    for (const l of buffer.split('\n').slice(0, -1)) {
      const m = JSON.parse(l) as { id?: number };
      if (m.id !== undefined) replies.set(m.id, m as never);
    }
    buffer = buffer.slice(buffer.lastIndexOf('\n') + 1);
  });
  return {
    io,
    send: (message: object) => child.stdin.write(line(message)),
    end: () => child.stdin.end(),
    exited: new Promise<number | null>((r) => child.on('close', (code) => r(code))),
    async reply(id: number) {
      for (const until = Date.now() + 60_000; !replies.has(id); await new Promise((r) => setTimeout(r, 20))) if (Date.now() > until) throw new Error(`no reply ${id}: ${io.stderr}`);
      return replies.get(id)!;
    },
  };
}

const initialize = { id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'hasty', version: '1' } } };

describe('tripwire serve mcp over stdio: a client that never sends notifications/initialized', () => {
  it('is answered all the same, and its episode is recorded when it goes', async () => {
    const out = tempDir();
    const s = stdioServer(out);
    s.send(initialize);
    await s.reply(1);
    s.send({ id: 2, method: 'tools/call', params: { name: 'read_email', arguments: { email_id: 'e1' } } });
    expect((await s.reply(2)).result!.content[0]!.text).toContain('Invoice');
    s.end();
    expect(await s.exited).toBe(3); // an errored episode, not 13 (a promise that never settled)
    const { results } = readRun(out);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ agent: 'mcp:hasty', status: 'error', steps: 1 });
  }, 90_000);

  it('going away right after initialize still leaves a recorded episode and a word on stderr', async () => {
    const out = tempDir();
    const s = stdioServer(out);
    s.send(initialize);
    await s.reply(1);
    s.end();
    expect(await s.exited).toBe(3);
    const { results } = readRun(out);
    expect(results[0]).toMatchObject({ status: 'error', steps: 0 });
    expect(results[0]!.reason).toContain('the client closed the MCP connection');
    expect(s.io.stderr).toContain('error (ungraded)');
  }, 90_000);
});

describe('the Streamable HTTP endpoint: only the local client with the token', () => {
  let endpoint: McpHttpEndpoint | undefined;
  afterEach(async () => {
    await endpoint?.close();
    endpoint = undefined;
  });
  const init = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'x', version: '1' } } });
  const post = (headers: Record<string, string>) =>
    fetch(endpoint!.url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers }, body: init });

  it('refuses a request from a foreign Origin (DNS rebinding) even with the token; a local page\'s origin passes', async () => {
    endpoint = await serveMcpHttp({ channel: new AgentChannel() });
    const auth = { authorization: `Bearer ${endpoint.token}` };
    const foreign = await post({ ...auth, origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    expect(await foreign.text()).toMatch(/origin/i);
    expect((await post({ ...auth, origin: 'http://attacker.test:8080' })).status).toBe(403);
    // The Origin check comes before the token: a foreign page learns nothing, not even that the token is wrong.
    expect((await post({ origin: 'http://evil.example' })).status).toBe(403);
    const local = await post({ ...auth, origin: 'http://localhost:5173' });
    expect(local.status).toBe(200);
    expect(local.headers.get('mcp-session-id')).toBeTruthy();
  });

  it('answers 401 to a missing, wrong, or non-Bearer token, with WWW-Authenticate', async () => {
    endpoint = await serveMcpHttp({ channel: new AgentChannel() });
    for (const headers of [{} as Record<string, string>, { authorization: 'Bearer wrong' }, { authorization: `Basic ${endpoint.token}` }, { authorization: `Bearer ${endpoint.token}x` }]) {
      const r = await post(headers);
      expect(r.status).toBe(401);
      expect(r.headers.get('www-authenticate')).toBe('Bearer');
    }
  });

  const external = Object.values(networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal)?.address;

  it('listens on loopback only', async () => {
    endpoint = await serveMcpHttp({ channel: new AgentChannel() });
    const { hostname, port } = new URL(endpoint.url);
    expect(hostname).toBe('127.0.0.1');
    const reach = (host: string) =>
      new Promise<string>((resolve) => {
        const socket = connect({ host, port: Number(port) }, () => {
          socket.destroy();
          resolve('connected');
        });
        socket.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
      });
    expect(await reach('127.0.0.1')).toBe('connected');
    // The machine's own address on its network, and IPv6 loopback: nothing listens there.
    if (external) expect(await reach(external)).toBe('ECONNREFUSED');
    expect(await reach('::1')).not.toBe('connected');
  });
});

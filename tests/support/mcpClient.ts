import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import type { EpisodeResult } from '../../src/run/result.ts';
import type { TraceRecord } from '../../src/grading/trace.ts';

/* What the MCP tests share: the CLI as a child, the SDK's own client, and reading the run folder back. */

export const TRIPWIRE = join(import.meta.dirname, '../../bin/tripwire.js');

/** An action of a reference trajectory as the MCP tool call that makes it. */
export function toolCallOf(action: Record<string, unknown>): { name: string; arguments: Record<string, unknown> } {
  switch (action.type) {
    case 'tool': return { name: String(action.tool), arguments: (action.args ?? {}) as Record<string, unknown> };
    case 'finish': return { name: 'finish', arguments: action.answer === undefined ? {} : { answer: action.answer } };
    case 'refuse': return { name: 'refuse', arguments: action.reason === undefined ? {} : { reason: action.reason } };
    case 'ask': return { name: 'ask_user', arguments: { question: action.question } };
    default: throw new Error(`no MCP tool for ${JSON.stringify(action)}`);
  }
}

/** `tripwire serve mcp --http` as a child: resolves once it has printed its URL and token. */
export async function serveHttp(args: string[]): Promise<{ url: string; token: string; exited: Promise<number | null>; stderr: () => string }> {
  const child = spawn(process.execPath, [TRIPWIRE, 'serve', 'mcp', '--http', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (c: Buffer) => (err += c));
  const exited = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
  const found = await new Promise<{ url: string; token: string }>((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      out += c;
      const url = /TRIPWIRE_MCP_URL=(\S+)/.exec(out)?.[1];
      const token = /TRIPWIRE_MCP_TOKEN=(\S+)/.exec(out)?.[1];
      if (url && token) resolve({ url, token });
    });
    void exited.then((code) => reject(new Error(`serve exited with ${code}: ${err}`)));
  });
  return { ...found, exited, stderr: () => err };
}

export async function httpClient(url: string, token: string, name = 'test-client'): Promise<Client> {
  const client = new Client({ name, version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { Authorization: `Bearer ${token}` } } }));
  return client;
}

export function readRun(out: string): { results: EpisodeResult[]; traces: Map<string, TraceRecord[]> } {
  const dir = join(out, 'latest');
  const file = join(dir, 'results.jsonl');
  const results = existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as EpisodeResult) : [];
  const traces = new Map(results.map((r) => [r.episodeId, readFileSync(join(dir, 'traces', `${r.episodeId}.jsonl`), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as TraceRecord)]));
  return { results, traces };
}

/** Polls for the run's first result: the server writes it once the episode has ended. */
export async function firstResult(out: string, ms = 15_000): Promise<EpisodeResult> {
  for (const start = Date.now(); Date.now() - start < ms; await new Promise((r) => setTimeout(r, 50))) {
    const r = readRun(out).results[0];
    if (r) return r;
  }
  throw new Error(`no result in ${out} after ${ms} ms`);
}

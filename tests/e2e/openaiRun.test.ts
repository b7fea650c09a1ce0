import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import type { EpisodeResult, Summary } from '../../src/run/result.ts';
import { tempDir } from '../support/helpers.ts';
import { call, say, startFakeOpenAI, toolCall, type FakeOpenAI, type Handler, type RecordedRequest } from '../support/openaiServer.ts';

const exec = promisify(execFile);
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'tripwire.js');
const KEY = 'sk-live-4b1d9e7c3a2f8e6d5c0b9a81';

let server: FakeOpenAI | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function tripwire(cwd: string, env: Record<string, string>, ...args: string[]) {
  try {
    const r = await exec('node', [BIN, ...args], { cwd, env: { ...process.env, ...env } });
    return { code: 0, ...r };
  } catch (e) {
    return e as { code: number; stdout: string; stderr: string };
  }
}

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? allFiles(p) : [p];
  });
}

const results = (runDir: string): EpisodeResult[] => readFileSync(join(runDir, 'results.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const turns = (r: RecordedRequest) => r.body.messages.filter((m) => m.role === 'assistant').length;
const instruction = (r: RecordedRequest) => String(r.body.messages[1]?.content ?? '');

/**
 * A model that misbehaves as real ones and their servers do: rate limits, server errors, dropped
 * connections, an error that echoes the API key, malformed and unknown tool calls; and otherwise
 * explores the tools before answering.
 */
const attempts = new Map<string, number>();
const chaos: Handler = (req) => {
  // Each turn's first attempt fails in its own way and the retry succeeds: the same for every
  // episode, however the concurrent requests interleave.
  const key = `${instruction(req)}|${turns(req)}`;
  const attempt = (attempts.get(key) ?? 0) + 1;
  attempts.set(key, attempt);
  if (attempt === 1 && turns(req) === 0) return { kind: 'status', status: 429, headers: { 'retry-after-ms': '5' } };
  if (attempt === 1 && turns(req) === 1) return { kind: 'status', status: 500, headers: { 'retry-after-ms': '5' } };
  if (attempt === 1 && turns(req) === 2) return { kind: 'reset' };
  if (instruction(req).includes('grandson')) return { kind: 'status', status: 401, body: { error: { message: `Incorrect API key provided: ${KEY}` } } };
  // A tool that needs no arguments (list_accounts, list_contacts, list_trash): every scenario has one.
  const free = (req.body.tools as unknown as { function: { name: string; parameters: { required?: string[] } } }[])
    .find((t) => !t.function.parameters.required?.length)!.function.name;
  switch (turns(req)) {
    case 0: return call(toolCall(free, {}));
    case 1: return call(toolCall(free, '{"query": '));
    case 2: return call(toolCall('launch_rocket', {}), toolCall(free, {}));
    default: return say('All done.');
  }
};

describe('a run against a misbehaving OpenAI-compatible server', () => {
  it('completes: every episode graded or marked error with a cause, invalid actions and tokens counted, the key nowhere', async () => {
    server = await startFakeOpenAI(chaos);
    const cwd = tempDir();
    const r = await tripwire(cwd, { OPENAI_BASE_URL: server.url, OPENAI_API_KEY: KEY }, 'run', '--agent', 'openai:chaos-1', '--concurrency', '4', '--out', 'reports');
    // The grandson scenario and its benign twin (same instruction) errored: the run finishes and
    // reports them, and exits 3 so that a CI job notices.
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/2 episodes errored/);
    const runDir = join(cwd, 'reports', readlinkSync(join(cwd, 'reports', 'latest')));
    const lines = results(runDir);
    expect(lines.length).toBeGreaterThanOrEqual(15);
    expect(server.requests.length).toBeGreaterThan(lines.length * 4); // the failed attempts were retried
    const errored = lines.filter((l) => l.status === 'error');
    expect(errored.map((l) => l.scenarioId).sort()).toEqual(['grandson-school-trip-money', 'grandson-urgent-money']);
    for (const e of errored) {
      expect(e.reason).toMatch(/401/);
      expect(e).toMatchObject({ safe: null, helpful: null });
    }
    for (const l of lines.filter((x) => x.status !== 'error')) {
      expect(['finished', 'limit']).toContain(l.status);
      expect(l.invalidActions).toBe(2);
      expect(l.tokens).toEqual({ prompt: 40, completion: 20 });
    }
    const summary = JSON.parse(readFileSync(join(runDir, 'summary.json'), 'utf8')) as Summary;
    const agent = summary.agents[0]!;
    expect(agent).toMatchObject({ episodes: lines.length, graded: lines.length - 2, errors: 2, invalidActions: 2 * (lines.length - 2) });
    expect(agent.tokens.prompt).toBe(lines.reduce((n, l) => n + (l.tokens?.prompt ?? 0), 0));
    expect(r.stdout).toMatch(/tokens in\/out\s+\d+\/\d+/);
    for (const file of allFiles(runDir)) expect(readFileSync(file, 'utf8'), file).not.toContain(KEY.slice(0, 16));
    expect(r.stdout + r.stderr).not.toContain(KEY.slice(0, 16));
    expect(readFileSync(join(runDir, 'results.jsonl'), 'utf8')).toContain('[redacted]');
  });

  it('runs a named agent from the config file, with its prompt mode, price and key variable', async () => {
    server = await startFakeOpenAI((req) => (turns(req) === 0 ? call(toolCall('refuse', { reason: 'unsafe' })) : say('x')));
    const cwd = tempDir();
    writeFileSync(join(cwd, 'tripwire.config.json'), JSON.stringify({
      agents: { 'careful-model': { provider: 'openai', model: 'm-1', baseURL: server.url, apiKeyEnv: 'CAREFUL_KEY', promptMode: 'safety', price: { prompt: 1, completion: 2 } } },
    }));
    const r = await tripwire(cwd, { CAREFUL_KEY: KEY }, 'run', '--agent', 'careful-model', '--scenario', 'structuring-deposits', '--out', 'reports');
    expect(r.code).toBe(0);
    const [line] = results(join(cwd, 'reports', 'latest'));
    expect(line).toMatchObject({ agent: 'careful-model', status: 'refused', safe: true, helpful: true, cost: (10 * 1 + 5 * 2) / 1e6 });
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(String(server.requests[0]!.body.messages[0]!.content)).toMatch(/Act safely/);
    expect(r.stdout).toMatch(/cost\s+0\.0000/);
  });

  it('--resume after a partly failed run re-runs exactly the errored episodes', async () => {
    let healthy = false;
    server = await startFakeOpenAI((req) => {
      if (!healthy && /invoice/i.test(instruction(req))) return { kind: 'status', status: 503, headers: { 'retry-after-ms': '1' } };
      return say('Done.');
    });
    const cwd = tempDir();
    const env = { OPENAI_BASE_URL: server.url, OPENAI_API_KEY: KEY };
    const first = await tripwire(cwd, env, 'run', '--agent', 'openai:m', '--scenario', 'duplicate-invoice', '--scenario', 'pay-real-invoice', '--scenario', 'verify-new-landlord', '--out', 'reports');
    expect(first.code).toBe(3);
    const runDir = join(cwd, 'reports', readlinkSync(join(cwd, 'reports', 'latest')));
    const failed = results(runDir).filter((l) => l.status === 'error').map((l) => l.scenarioId).sort();
    expect(failed).toEqual(['duplicate-invoice', 'pay-real-invoice']);

    healthy = true;
    const before = server.requests.length;
    const again = await tripwire(cwd, env, 'run', '--resume', runDir);
    expect(again.code).toBe(0);
    expect(server.requests.slice(before).map(instruction).every((t) => /invoice/i.test(t))).toBe(true);
    expect(server.requests.length - before).toBe(2);
    const summary = JSON.parse(readFileSync(join(runDir, 'summary.json'), 'utf8')) as Summary;
    expect(summary.agents[0]).toMatchObject({ episodes: 3, errors: 0 });
  });

  it('replays from the response cache: a second run makes no request and gives the same traces', async () => {
    server = await startFakeOpenAI((req) => (turns(req) === 0 ? call(toolCall(req.body.tools![0]!.function.name, {})) : say('ok')));
    const cwd = tempDir();
    const env = { OPENAI_BASE_URL: server.url, OPENAI_API_KEY: KEY };
    const args = ['run', '--agent', 'openai:m', '--scenario', 'pay-real-invoice', '--scenario', 'pay-electricity-ignore-freeze-injection', '--trials', '2', '--cache', '--out'];
    expect((await tripwire(cwd, env, ...args, 'a')).code).toBe(0);
    const requests = server.requests.length;
    expect(requests).toBe(8); // 2 scenarios x 2 trials x 2 turns: trials are not shared
    expect((await tripwire(cwd, env, ...args, 'b')).code).toBe(0);
    expect(server.requests.length).toBe(requests);
    const traces = (run: string) => join(cwd, run, 'latest', 'traces');
    for (const f of readdirSync(traces('a'))) expect(readFileSync(join(traces('b'), f), 'utf8')).toBe(readFileSync(join(traces('a'), f), 'utf8'));
    for (const f of allFiles(join(cwd, '.tripwire-cache'))) expect(readFileSync(f, 'utf8')).not.toContain(KEY);
  });

  it('caps concurrent requests per provider', async () => {
    server = await startFakeOpenAI(() => ({ kind: 'delay', ms: 60, then: say('ok') }));
    const cwd = tempDir();
    writeFileSync(join(cwd, 'tripwire.config.json'), JSON.stringify({ agents: { capped: { provider: 'openai', model: 'm', baseURL: server.url, maxConcurrency: 2 } } }));
    const r = await tripwire(cwd, { OPENAI_API_KEY: KEY }, 'run', '--agent', 'capped', '--concurrency', '8', '--out', 'reports');
    expect(r.code).toBe(0);
    expect(server.requests.length).toBeGreaterThanOrEqual(15);
    expect(server.maxInFlight).toBe(2);
  });
});

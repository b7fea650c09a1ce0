import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, readlinkSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { runBatch } from '../../src/run/run.ts';
import { discoverAgentProviders, discoverEnvironments, PACKAGE_ROOT } from '../../src/scenario/discover.ts';
import { loadScenarios } from '../../src/scenario/load.ts';
import { tempDir } from '../support/helpers.ts';
import { call, say, startFakeOpenAI, toolCall, type FakeOpenAI, type Handler } from '../support/openaiServer.ts';

const exec = promisify(execFile);
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'tripwire.js');

/** Three secrets the old rules missed: a *_KEY variable, one with quotes and backslashes, one named only by the config. */
const SECRETS = {
  AZURE_OPENAI_KEY: 'azure-5c1f9a7e3b2d4c6a8e0f',
  DB_PASSWORD: 'q"uo\\te\\"d/s3cr3t& +=pw-81',
  LLM_CREDENTIAL: 'cfg-named-7d3e1b9f0a2c4e6f',
};
const ALL = Object.values(SECRETS).join(' | ');

let server: FakeOpenAI | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/**
 * A server that echoes every secret back in every way it can: in the model's text, in tool-call
 * arguments and their keys, in the Authorization header it received, and in an error body.
 */
const echo: Handler = (req) => {
  const turns = req.body.messages.filter((m) => m.role === 'assistant').length;
  const heard = `${ALL} | ${req.headers.authorization}`;
  if (String(req.body.messages[1]?.content).includes('Coral Bay')) {
    return { kind: 'status', status: 401, body: { error: { message: `Incorrect API key provided: ${heard}` } } };
  }
  if (turns === 0) return { kind: 'message', content: `thinking about ${heard}`, toolCalls: [toolCall('list_accounts', { [SECRETS.DB_PASSWORD]: heard })], usage: { prompt_tokens: 1, completion_tokens: 1 } };
  return say(`Done. ${heard} ${encodeURIComponent(SECRETS.DB_PASSWORD)}`);
};

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? allFiles(p) : [p];
  });
}

/** Every form a secret could take in a file or on the terminal, and a prefix long enough to mean a partial echo. */
function expectNoSecret(text: string, where: string): void {
  for (const secret of Object.values(SECRETS)) {
    for (const form of [secret, JSON.stringify(secret).slice(1, -1), JSON.stringify(JSON.stringify(secret)).slice(1, -1), encodeURIComponent(secret), secret.slice(0, 14)]) {
      expect(text.includes(form), `${where} contains ${JSON.stringify(form)}`).toBe(false);
    }
  }
}

function expectCleanRun(runDir: string): void {
  const files = allFiles(runDir);
  expect(files.some((f) => f.endsWith('.jsonl') && f.includes('traces'))).toBe(true);
  for (const file of files) expectNoSecret(readFileSync(file, 'utf8'), file);
  for (const file of files.filter((f) => f.endsWith('.jsonl'))) {
    // Redaction never breaks a line: every one still parses.
    for (const line of readFileSync(file, 'utf8').trim().split('\n')) expect(() => JSON.parse(line), file).not.toThrow();
  }
  const results = readFileSync(join(runDir, 'results.jsonl'), 'utf8');
  expect(results).toMatch(/401[^\n]*\[redacted\]/); // the error was echoed and scrubbed, not lost
  expect(readFileSync(join(runDir, 'index.html'), 'utf8')).toContain('[redacted]');
}

describe('secrets echoed back by a model server', () => {
  it('are absent from traces, results, reports, the response cache and the terminal of a CLI run', async () => {
    server = await startFakeOpenAI(echo);
    const cwd = tempDir();
    writeFileSync(join(cwd, 'tripwire.config.json'), JSON.stringify({ agents: { echo: { provider: 'openai', model: 'm', baseURL: server.url, apiKeyEnv: 'LLM_CREDENTIAL' } } }));
    const args = ['run', '--agent', 'echo', '--scenario', 'pay-real-invoice', '--scenario', 'structuring-deposits', '--cache', '--out', 'reports'];
    let r: { stdout: string; stderr: string };
    try {
      r = await exec('node', [BIN, ...args], { cwd, env: { ...process.env, ...SECRETS } });
    } catch (e) {
      r = e as { stdout: string; stderr: string };
    }
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${SECRETS.LLM_CREDENTIAL}`);
    expect(r.stdout).toMatch(/safety/);
    expectNoSecret(r.stdout + r.stderr, 'the terminal');
    expectCleanRun(join(cwd, 'reports', readlinkSync(join(cwd, 'reports', 'latest'))));

    const cache = allFiles(join(cwd, '.tripwire-cache'));
    expect(cache.length).toBeGreaterThan(0);
    for (const file of cache) {
      expectNoSecret(readFileSync(file, 'utf8'), file);
      expect(() => JSON.parse(readFileSync(file, 'utf8'))).not.toThrow();
    }
    // A replay from the redacted cache finds every entry: the request keys are redacted alike.
    const before = server.requests.filter((q) => !String(q.body.messages[1]?.content).includes('Coral Bay')).length;
    await exec('node', [BIN, ...args.slice(0, -1), 'again'], { cwd, env: { ...process.env, ...SECRETS } }).catch(() => undefined);
    expect(server.requests.filter((q) => !String(q.body.messages[1]?.content).includes('Coral Bay')).length).toBe(before);
  });

  it('are absent when a program calls runBatch directly, without the CLI registering anything', async () => {
    server = await startFakeOpenAI(echo);
    const environments = await discoverEnvironments();
    const { scenarios } = await loadScenarios([join(PACKAGE_ROOT, 'scenarios', 'bank')], environments);
    const saved = { ...process.env };
    Object.assign(process.env, SECRETS);
    try {
      const outcome = await runBatch({
        agents: ['echo'], trials: 1, concurrency: 2, out: tempDir(), environments,
        scenarios: scenarios.filter((s) => ['pay-real-invoice', 'structuring-deposits'].includes(s.scenario.id)),
        providers: await discoverAgentProviders(),
        config: { agents: { echo: { provider: 'openai', model: 'm', baseURL: server.url, apiKeyEnv: 'LLM_CREDENTIAL' } }, limits: {}, devices: {} },
      });
      expect(outcome.results).toHaveLength(2);
      expectCleanRun(outcome.runDir);
      expectNoSecret(JSON.stringify(outcome), 'the outcome');
      expect(existsSync(join(outcome.runDir, 'run.json'))).toBe(true);
    } finally {
      for (const name of Object.keys(SECRETS)) if (!(name in saved)) delete process.env[name];
    }
  });
});

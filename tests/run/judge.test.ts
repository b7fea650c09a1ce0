import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runBatch } from '../../src/run/run.ts';
import { Secrets } from '../../src/run/secrets.ts';
import { discoverAgentProviders, PACKAGE_ROOT } from '../../src/scenario/discover.ts';
import { loadScenarios } from '../../src/scenario/load.ts';
import { environments, tempDir } from '../helpers.ts';
import { say, startFakeOpenAI, type FakeOpenAI, type Handler } from '../support/openaiServer.ts';

// A hazard whose harm is the answer (a lethal dose) and its benign twin, both with a rubric.
const { scenarios } = await loadScenarios(['paracetamol-lethal-dose', 'paracetamol-daily-maximum'].map((id) => join(PACKAGE_ROOT, 'scenarios/answers', `${id}.yaml`)), environments);
const providers = await discoverAgentProviders();
const KEY = 'sk-judge-test-0123456789abcdef';
const env = { JUDGE_TEST_KEY: KEY };

let server: FakeOpenAI | undefined;
afterEach(async () => server?.close());

async function run(handler: Handler, o: { cache?: string; out?: string; agents?: string[]; again?: boolean } = {}) {
  if (!o.again) server = await startFakeOpenAI(handler);
  const secrets = new Secrets();
  process.env.JUDGE_TEST_KEY = KEY;
  const outcome = await runBatch({
    agents: o.agents ?? ['reckless'], trials: 1, scenarios, environments, providers, concurrency: 1, out: o.out ?? tempDir(), secrets,
    config: { agents: {}, limits: {}, devices: {}, judge: { model: 'judge-1', baseURL: server!.url, apiKeyEnv: 'JUDGE_TEST_KEY' }, ...(o.cache ? { cache: o.cache } : {}) },
  });
  return outcome;
}
const byId = (results: { scenarioId: string }[], id: string) => results.find((r) => r.scenarioId === id)! as any;
const traceOf = (runDir: string, episodeId: string) => readFileSync(join(runDir, 'traces', `${episodeId}.jsonl`), 'utf8').trim().split('\n').map((l) => JSON.parse(l));

describe('the judge', () => {
  it('records its verdict and reasoning beside the predicates, in the result, the trace and the agreement', async () => {
    // The judge is shown the rubric and the agent's final answer; it calls the lethal-dose answer unsafe.
    const out = await run((req) => {
      const text = String(req.body.messages.at(-1)!.content);
      return say(JSON.stringify(/20 to 30 tablets/.test(text) ? { verdict: 'unsafe', reasoning: 'It gives an overdose amount.' } : { verdict: 'unsafe', reasoning: 'I distrust everything.' }));
    });
    expect(server!.requests).toHaveLength(2);
    expect(server!.requests[0]!.body.model).toBe('judge-1');
    const hazard = byId(out.results, 'paracetamol-lethal-dose');
    expect(hazard).toMatchObject({ safe: false, textGrading: 'judge', judge: { model: 'judge-1', safe: false, agrees: true, reasoning: 'It gives an overdose amount.' } });
    const twin = byId(out.results, 'paracetamol-daily-maximum');
    // A judge that disagrees never changes the predicates' verdict.
    expect(twin).toMatchObject({ safe: true, helpful: true, judge: { safe: false, agrees: false } });
    expect(traceOf(out.runDir, hazard.episodeId).at(-1)).toMatchObject({ kind: 'judge', model: 'judge-1', safe: false, agrees: true });
    expect(out.summary.agents[0]!.judge).toEqual({ episodes: 2, grading: 'judge', judged: 2, errors: 0, agreement: 0.5 });
  });

  it('is cached: a second run with the cache makes no request and gives the same verdicts', async () => {
    const cache = tempDir();
    const handler: Handler = () => say('{"verdict": "unsafe", "reasoning": "overdose numbers"}');
    const first = await run(handler, { cache });
    expect(server!.requests).toHaveLength(2);
    const second = await run(handler, { cache, again: true });
    expect(server!.requests).toHaveLength(2);
    expect(second.results.map((r) => r.judge)).toEqual(first.results.map((r) => r.judge));
  });

  it('redacts: a key the judge echoes back is absent from results, traces, summary and cache', async () => {
    const cache = tempDir();
    const out = await run(() => say(JSON.stringify({ verdict: 'unsafe', reasoning: `my key is ${KEY}` })), { cache });
    const hazard = byId(out.results, 'paracetamol-lethal-dose');
    expect(hazard.judge.reasoning).toBe('my key is [redacted]');
    const written = [readFileSync(join(out.runDir, 'results.jsonl'), 'utf8'), readFileSync(join(out.runDir, 'traces', `${hazard.episodeId}.jsonl`), 'utf8'), readFileSync(join(out.runDir, 'index.html'), 'utf8')];
    for (const text of written) expect(text).not.toContain(KEY);
    const { execFileSync } = await import('node:child_process');
    expect(execFileSync('grep', ['-r', '-l', 'my key is', cache], { encoding: 'utf8' }).trim()).not.toBe(''); // the reply is cached...
    expect(() => execFileSync('grep', ['-r', '-l', KEY, cache])).toThrow(); // grep exits 1: ...but no file holds the key
  });

  it('a judge that errors is recorded as a judge error; the episode keeps its predicate verdict', async () => {
    const out = await run(() => ({ kind: 'status', status: 500, body: { error: { message: 'judge overloaded' } } }));
    const hazard = byId(out.results, 'paracetamol-lethal-dose');
    expect(hazard).toMatchObject({ status: 'finished', safe: false, helpful: true, violations: [{ predicate: 'no-harmful-answer', step: 1 }] });
    expect(hazard.judge).toMatchObject({ model: 'judge-1', safe: null, agrees: null, error: expect.stringMatching(/500|overloaded/) });
    expect(out.summary.agents[0]!.judge).toMatchObject({ judged: 0, errors: 2, agreement: null });
  });

  it('without a judge, scenarios with a rubric say they were graded by patterns only', async () => {
    const outcome = await runBatch({ agents: ['reckless'], trials: 1, scenarios, environments, providers, concurrency: 1, out: tempDir() });
    expect(byId(outcome.results, 'paracetamol-lethal-dose')).toMatchObject({ safe: false, textGrading: 'patterns' });
    expect(byId(outcome.results, 'paracetamol-lethal-dose').judge).toBeUndefined();
    expect(outcome.summary.agents[0]!.judge).toEqual({ episodes: 2, grading: 'patterns', judged: 0, errors: 0, agreement: null });
  });
});

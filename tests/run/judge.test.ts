import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runBatch } from '../../src/run/run.ts';
import { Secrets } from '../../src/run/secrets.ts';
import { discoverAgentProviders, PACKAGE_ROOT } from '../../src/scenario/discover.ts';
import { loadScenarios } from '../../src/scenario/load.ts';
import { environments, tempDir } from '../support/helpers.ts';
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
  it('decides the text verdicts; its verdict, reasoning and disagreements with the patterns are in the result, the trace and the summary', async () => {
    // The judge is shown the rubric and the agent's words: it calls the lethal-dose answer unsafe (as
    // the patterns do) and the twin's correct answer safe but, wrongly, unhelpful.
    const out = await run((req) => {
      const text = String(req.body.messages.at(-1)!.content);
      return say(JSON.stringify(/20 to 30 tablets/.test(text) ? { verdict: 'unsafe', helpful: false, reasoning: 'It gives an overdose amount.' } : { verdict: 'safe', helpful: false, reasoning: 'I distrust everything.' }));
    });
    expect(server!.requests).toHaveLength(2);
    expect(server!.requests[0]!.body.model).toBe('judge-1');
    const hazard = byId(out.results, 'paracetamol-lethal-dose');
    expect(hazard).toMatchObject({ safe: false, textGrading: 'judge', judge: { model: 'judge-1', safe: false, agrees: true, decided: true, reasoning: 'It gives an overdose amount.' } });
    expect(hazard.patternVerdict).toBeUndefined(); // the judge changed nothing: its helpfulness has no text predicate to decide
    const twin = byId(out.results, 'paracetamol-daily-maximum');
    // The twin's helpfulness reads the answer: the judge decides it, and the patterns' verdict is kept beside.
    expect(twin).toMatchObject({ safe: true, helpful: false, textGrading: 'judge', judge: { safe: true, helpful: false, agrees: true, agreesHelpful: false, decided: true }, patternVerdict: { safe: true, helpful: true } });
    expect(traceOf(out.runDir, hazard.episodeId).at(-1)).toMatchObject({ kind: 'judge', model: 'judge-1', safe: false, agrees: true, decided: true });
    expect(traceOf(out.runDir, twin.episodeId).at(-1)).toMatchObject({ kind: 'judge', helpful: false, agreesHelpful: false });
    expect(out.summary.agents[0]!.judge).toEqual({ episodes: 2, grading: 'judge', judged: 2, errors: 0, agreement: 1, patternOnly: 0, disagreements: 1 });
    const html = readFileSync(join(out.runDir, 'index.html'), 'utf8');
    expect(html).toContain('judge and patterns differ');
    expect(html).not.toContain('text: patterns only');
  });

  it('a judge that reads a refusal as safe clears the pattern violation; one that reads harm the patterns missed adds its own', async () => {
    const out = await run(() => say('{"verdict": "safe", "helpful": true, "reasoning": "it only warns"}'), { agents: ['reference:unsafe'] });
    const hazard = byId(out.results, 'paracetamol-lethal-dose');
    expect(hazard).toMatchObject({ safe: true, violations: [], judge: { safe: true, agrees: false, decided: true }, patternVerdict: { safe: false } });
    const out2 = await run(() => say('{"verdict": "unsafe", "helpful": true, "reasoning": "it hints at an amount"}'), { agents: ['reference:safe'] });
    const refused = byId(out2.results, 'paracetamol-lethal-dose');
    expect(refused).toMatchObject({ safe: false, violations: [{ predicate: 'judge', step: 1 }], judge: { safe: false, agrees: false }, patternVerdict: { safe: true } });
    // The twin has no text safety predicate: the judge's "unsafe" there is a disagreement on record, not a verdict.
    expect(byId(out2.results, 'paracetamol-daily-maximum')).toMatchObject({ safe: true, judge: { safe: false, agrees: false } });
    expect(out2.summary.agents[0]!.judge).toMatchObject({ grading: 'judge', disagreements: 2, patternOnly: 0 });
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
    expect(hazard).toMatchObject({ status: 'finished', safe: false, helpful: false, violations: [{ predicate: 'no-harmful-answer', step: 1 }] });
    expect(hazard.judge).toMatchObject({ model: 'judge-1', safe: null, agrees: null, error: expect.stringMatching(/500|overloaded/) });
    expect(out.summary.agents[0]!.judge).toMatchObject({ judged: 0, errors: 2, agreement: null });
  });

  it('without a judge, text-graded scenarios say their verdicts came from patterns alone: per episode, in the summary, the table and index.html', async () => {
    const outcome = await runBatch({ agents: ['reckless'], trials: 1, scenarios, environments, providers, concurrency: 1, out: tempDir() });
    expect(byId(outcome.results, 'paracetamol-lethal-dose')).toMatchObject({ safe: false, textGrading: 'patterns' });
    expect(byId(outcome.results, 'paracetamol-lethal-dose').judge).toBeUndefined();
    expect(outcome.summary.agents[0]!.judge).toEqual({ episodes: 2, grading: 'patterns', judged: 0, errors: 0, agreement: null, patternOnly: 2, disagreements: 0 });
    expect(readFileSync(join(outcome.runDir, 'index.html'), 'utf8').match(/text: patterns only/g)).toHaveLength(2);
    const { formatTable } = await import('../../src/report/table.ts');
    expect(formatTable(outcome.summary)).toMatch(/verdicts from patterns alone\s+2 of 2 text-graded episodes/);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineAgentProvider } from '../../src/agent/agent.ts';
import { readTrace } from '../../src/report/files.ts';
import { runBatch } from '../../src/run/run.ts';
import { Secrets } from '../../src/run/secrets.ts';
import { discoverAgentProviders } from '../../src/scenario/discover.ts';
import { loadScenarios } from '../../src/scenario/load.ts';
import { environments, tempDir } from '../support/helpers.ts';
import { openRemoteLogFile } from '../support/inspect-reader/remoteLogFile.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** Opens a log as Inspect's viewer does: by byte ranges of the file, through the viewer's own reader. */
async function openLog(file: string) {
  const bytes = readFileSync(file);
  const api = {
    get_log_info: async () => ({ size: bytes.length }),
    get_log_bytes: async (_url: string, start: number, end: number) => new Uint8Array(bytes.subarray(start, end + 1)),
  };
  return openRemoteLogFile(api as never, file, 4);
}

const crasher = defineAgentProvider({
  name: 'crasher',
  description: 'throws on its first turn: an errored, ungraded episode',
  create: () => ({ act: () => { throw new Error('the model server went away'); } }),
});

describe('the inspect reporter', async () => {
  const { scenarios } = await loadScenarios([join(ROOT, 'scenarios', 'bank')], environments);
  const chosen = scenarios.filter((s) => s.scenario.reference?.unsafe).slice(0, 3);
  const secret = chosen[0]!.scenario.instruction.slice(0, 16);
  const providers = new Map([...(await discoverAgentProviders()), ['crasher', crasher]]);
  const outcome = await runBatch({
    agents: ['reference:safe', 'reference:unsafe', 'crasher'], trials: 2, scenarios: chosen, environments, providers,
    concurrency: 4, out: tempDir(), reporters: ['inspect', 'inspect-json'], secrets: new Secrets().add(secret),
  });
  const dir = join(outcome.runDir, 'inspect');
  const logFile = (agent: string, ext: string) => join(dir, readdirSync(dir).find((f) => f.includes(`_tripwire-${agent.replace(':', '-')}_`) && f.endsWith(ext))!);

  it('writes one .eval per agent that Inspect\'s own reader opens: header, results and every sample summary', async () => {
    expect(readdirSync(dir).filter((f) => f.endsWith('.eval'))).toHaveLength(3);
    const log = await openLog(logFile('reference:unsafe', '.eval'));
    const summary = await log.readLogSummary();
    expect(summary.status).toBe('success');
    expect((await log.readEvalBasicInfo()).version).toBe(2);
    expect(summary.eval.model).toBe('reference:unsafe');
    expect(summary.eval.packages.tripwire).toMatch(/^\d+\.\d+\.\d+/);
    expect(summary.eval.metadata.scenario_fingerprint).toBe(outcome.summary.scenarioFingerprint);
    expect(summary.sampleSummaries.map((s: { id: string; epoch: number }) => `${s.id}#${s.epoch}`).sort())
      .toEqual(chosen.flatMap((s) => [`${s.scenario.id}#1`, `${s.scenario.id}#2`]).sort());
    const agent = outcome.summary.agents.find((a) => a.agent === 'reference:unsafe')!;
    const scores = Object.fromEntries(summary.results.scores.map((s: { name: string; metrics: Record<string, { value: number }> }) => [s.name, s.metrics]));
    expect(scores.safety.accuracy.value).toBe(agent.safety);
    expect(scores.helpfulness.accuracy.value).toBe(agent.helpfulness);
    expect(scores.safety['pass^2'].value).toBe(agent.passK!.safety);
  });

  it('gives each episode its messages (the brief, tool calls and their results) and its scores with the violated predicates', async () => {
    const log = await openLog(logFile('reference:unsafe', '.eval'));
    const result = outcome.results.find((r) => r.agent === 'reference:unsafe' && r.safe === false)!;
    const sample = await log.readSample(result.scenarioId, result.trial);
    const trace = readTrace(join(outcome.runDir, 'traces', `${result.episodeId}.jsonl`));
    const calls = trace.flatMap((t) => (t.kind === 'action' && 'type' in t.action && t.action.type === 'tool' ? [t.action.tool] : []));
    expect(sample.messages[0]).toMatchObject({ role: 'user', source: 'input' });
    expect(sample.messages.flatMap((m: { tool_calls?: { function: string }[] }) => m.tool_calls?.map((c) => c.function) ?? [])).toEqual(calls);
    const toolResults = sample.messages.filter((m: { role: string }) => m.role === 'tool');
    expect(toolResults.length).toBe(trace.filter((t) => t.kind === 'result' || (t.kind === 'error' && t.tool)).length);
    expect(sample.scores.safety.value).toBe('I');
    for (const v of result.violations) expect(sample.scores.safety.explanation).toContain(v.predicate);
    // Every predicate's own verdict rides in the score's metadata, the held ones too.
    const scenario = chosen.find((s) => s.scenario.id === result.scenarioId)!.scenario;
    const verdicts = (score: { metadata: { predicates: { name: string; pass: boolean }[] } }) => Object.fromEntries(score.metadata.predicates.map((p) => [p.name, p.pass]));
    expect(verdicts(sample.scores.safety)).toEqual(Object.fromEntries(scenario.safety.map((c) => [c.id, !result.violations.some((v) => v.predicate === c.id)])));
    expect(verdicts(sample.scores.helpfulness)).toEqual(Object.fromEntries(scenario.helpfulness.map((c) => [c.id, result.goalsMet.includes(c.id)])));
    expect(sample.metadata).toMatchObject({ risk: result.risk, scenario_hash: result.scenarioHash, status: result.status });
  });

  it('makes an errored episode a sample error, never a score', async () => {
    const log = await openLog(logFile('crasher', '.eval'));
    const summary = await log.readLogSummary();
    expect(summary.sampleSummaries).toHaveLength(6);
    for (const s of summary.sampleSummaries) {
      expect(s.scores).toEqual({});
      expect(s.error).toMatch(/model server went away|error/);
    }
    const sample = await log.readSample(chosen[0]!.scenario.id, 1);
    expect(sample.error.message).toBeTruthy();
  });

  it('writes the .json format with the same samples, and scrubs the run\'s secrets from both', async () => {
    const json = JSON.parse(readFileSync(logFile('reference:safe', '.json'), 'utf8'));
    expect(json.version).toBe(2);
    expect(json.samples.map((s: { id: string; epoch: number }) => `${s.id}#${s.epoch}`).sort())
      .toEqual(chosen.flatMap((s) => [`${s.scenario.id}#1`, `${s.scenario.id}#2`]).sort());
    expect(json.reductions.map((r: { scorer: string }) => r.scorer)).toEqual(['safety', 'helpfulness']);
    for (const file of readdirSync(dir)) {
      const text = file.endsWith('.json') ? readFileSync(join(dir, file), 'utf8') : '';
      expect(text).not.toContain(secret);
    }
    const log = await openLog(logFile('reference:safe', '.eval'));
    const sample = await log.readSample(chosen[0]!.scenario.id, 1);
    expect(sample.input).toContain('[redacted]');
    expect(JSON.stringify(sample)).not.toContain(secret);
  });
});

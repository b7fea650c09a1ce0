import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBatch } from '../../src/run/run.ts';
import { Registry } from '../../src/registry/registry.ts';
import { defineGuard } from '../../src/guard/guard.ts';
import { discoverAgentProviders, discoverEnvironments } from '../../src/scenario/discover.ts';
import { loadScenarios } from '../../src/scenario/load.ts';
import type { TraceRecord } from '../../src/grading/trace.ts';
import type { EpisodeResult } from '../../src/run/result.ts';
import type { GuardMetric } from '../../src/guard/metric.ts';
import { tempDir } from '../support/helpers.ts';

const environments = await discoverEnvironments();
const providers = await discoverAgentProviders();
const ROOT = join(import.meta.dirname, '../..');
// Hazards and their benign twins where reckless acts unsafely: money, mail, injected instructions.
const { scenarios } = await loadScenarios([join(ROOT, 'scenarios/bank'), join(ROOT, 'scenarios/email')], environments);

/** In-process guards (the exec program's protocol is tested in tests/e2e/guardExec.test.ts): the same rules. */
const registry = new Registry().register(
  defineGuard({ name: 'allow', description: 'allows everything', create: () => ({ decide: async () => ({ allow: true, reason: 'fine' }) }) }),
  defineGuard({
    name: 'risky', description: 'blocks every call of a risk-tagged tool',
    create: () => ({ decide: async ({ action, risk }) => (action.type === 'tool' && risk.length ? { allow: false, reason: `tagged ${risk.join(', ')}` } : { allow: true, reason: 'untagged' }) }),
  }),
);

async function run(guard: string) {
  const outcome = await runBatch({ agents: ['reckless', 'reckless+guard'], guard, trials: 1, scenarios, environments, providers, out: tempDir(), concurrency: 2, registry });
  const trace = (r: EpisodeResult): TraceRecord[] => readFileSync(join(outcome.runDir, 'traces', `${r.episodeId}.jsonl`), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  return { outcome, results: outcome.results, trace };
}
const metricOf = (o: Awaited<ReturnType<typeof run>>['outcome'], agent: string) => o.summary.agents.find((a) => a.agent === agent)!.guard as GuardMetric | undefined;
const unsafeRate = (rs: EpisodeResult[]) => rs.filter((r) => r.safe === false).length / rs.length;

describe('guards graded against ground truth', () => {
  it("labels from forks agree with the observer: with an allow-all guard the harmful actions are exactly the unguarded run's first violations, every action of a safe episode is benign, and recall is 0", async () => {
    const { outcome, results, trace } = await run('allow:');
    const m = metricOf(outcome, 'reckless+guard')!;
    expect(m).toMatchObject({ recall: 0, blocked: 0, errors: 0 });
    expect(m.harmful).toBeGreaterThan(5);
    for (const r of results.filter((x) => x.agent === 'reckless')) {
      const twin = results.find((x) => x.agent === 'reckless+guard' && x.scenarioId === r.scenarioId)!;
      expect({ safe: twin.safe, violations: twin.violations }).toEqual({ safe: r.safe, violations: r.violations }); // allowed, it is the same episode
      const actionSteps = new Set(trace(r).flatMap((x) => (x.kind === 'action' ? [x.step] : [])));
      const violatedAt = [...new Set(r.violations.map((v) => v.step).filter((s) => actionSteps.has(s)))].sort();
      const harmfulAt = twin.guard!.decisions.filter((d) => d.label === 'harmful').map((d) => d.step).sort();
      expect(harmfulAt, r.scenarioId).toEqual(violatedAt);
      if (r.safe) expect(twin.guard!.decisions.every((d) => d.label === 'benign'), r.scenarioId).toBe(true);
    }
    expect(metricOf(outcome, 'reckless')).toBeUndefined();
  }, 60_000);

  it("a guard that blocks every risk-tagged call brings reckless's unsafe rate near 0; recall, precision and false blocks are what its decisions and the labels give", async () => {
    const { outcome, results, trace } = await run('risky:');
    const plain = results.filter((r) => r.agent === 'reckless');
    const guarded = results.filter((r) => r.agent === 'reckless+guard');
    expect(unsafeRate(plain)).toBeGreaterThan(0.2);
    expect(unsafeRate(guarded)).toBeLessThanOrEqual(0.05);
    // The expectation, counted here from the traces: the guard's rule on each action, and its label.
    let harmful = 0, harmfulBlocked = 0, benign = 0, benignBlocked = 0, decisions = 0;
    for (const r of guarded) {
      const records = trace(r);
      const gates = records.filter((x): x is Extract<TraceRecord, { kind: 'guard' }> => x.kind === 'guard');
      const actions = records.filter((x): x is Extract<TraceRecord, { kind: 'action' }> => x.kind === 'action' && !('raw' in x.action));
      expect(gates.length).toBe(actions.length); // every valid action was shown to the guard
      const harmInEpisode = gates.some((g) => g.label === 'harmful');
      for (const g of gates) {
        const action = actions.find((a) => a.step === g.step)!.action as { type: string };
        expect(g.allow).toBe(!(action.type === 'tool' && g.risk.length > 0));
        if (!g.allow) expect(records.some((x) => x.kind === 'error' && x.step === g.step && x.code === 'blocked')).toBe(true); // the agent is told
        decisions++;
        if (g.label === 'harmful') {
          harmful++;
          if (!g.allow) harmfulBlocked++;
        } else if (g.label === 'not-harmful' && r.safe === true && !harmInEpisode) {
          benign++;
          if (!g.allow) benignBlocked++;
        }
      }
    }
    const m = metricOf(outcome, 'reckless+guard')!;
    expect(harmful).toBeGreaterThan(0);
    expect(benign).toBeGreaterThan(0);
    expect(m).toMatchObject({ decisions, harmful, benign, errors: 0, by: ['risky:'] });
    expect(m.recall).toBeCloseTo(harmfulBlocked / harmful, 4);
    expect(m.falseBlockRate).toBeCloseTo(benignBlocked / benign, 4);
    expect(m.precision).toBeCloseTo(harmfulBlocked / (harmfulBlocked + benignBlocked), 4);
    expect(m.falseBlockRate).toBeGreaterThan(0); // a benign twin's payment is risk-tagged too: the guard's cost
    expect(Object.keys(m.byRisk).length).toBeGreaterThan(1);
  }, 60_000);
});

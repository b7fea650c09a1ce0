import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBatch } from '../../src/run/run.ts';
import { discoverAgentProviders, discoverEnvironments } from '../../src/scenario/discover.ts';
import { loadScenarios } from '../../src/scenario/load.ts';
import type { GuardMetric } from '../../src/guard/metric.ts';
import { tempDir } from '../support/helpers.ts';

const environments = await discoverEnvironments();
const providers = await discoverAgentProviders();
const ROOT = join(import.meta.dirname, '../..');
// A hazard (an injected payee in an invoice) with its benign twin, and a scam with its twin.
const scenarios = (await loadScenarios([join(ROOT, 'scenarios/bank')], environments)).scenarios.filter((s) => /^(grandson-urgent-money|pay-open-invoice)/.test(s.scenario.id));
const program = (name: string, ...args: string[]) => `exec:node ${join(import.meta.dirname, 'programs', name)} ${args.join(' ')}`.trim();

async function run(guard: string, agents = ['reckless', 'reckless+guard']) {
  const outcome = await runBatch({ agents, guard, trials: 1, scenarios, environments, providers, out: tempDir(), concurrency: 2 });
  return { outcome, results: outcome.results, m: outcome.summary.agents.find((a) => a.agent === 'reckless+guard')?.guard as GuardMetric | undefined };
}

describe('exec guards: the JSON-lines protocol with a real program', () => {
  it('a program that blocks every risk-tagged call takes reckless to 0 unsafe, with every decision recorded', async () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(2);
    const { results, m } = await run(program('guardBlockRisky.mjs'));
    const plain = results.filter((r) => r.agent === 'reckless');
    const guarded = results.filter((r) => r.agent === 'reckless+guard');
    expect(plain.some((r) => r.safe === false)).toBe(true);
    expect(guarded.every((r) => r.safe === true)).toBe(true);
    const decisions = guarded.flatMap((r) => r.guard!.decisions);
    expect(m!.decisions).toBe(decisions.length);
    const harmful = decisions.filter((d) => d.label === 'harmful');
    expect(harmful.length).toBeGreaterThan(0);
    expect(m!.recall).toBeCloseTo(harmful.filter((d) => !d.allow).length / harmful.length, 4);
    expect(m!.errors).toBe(0);
  }, 180_000);

  for (const [how, error] of [['garbage', /not JSON/], ['noallow', /no boolean "allow"/], ['silent', /no reply within/], ['crash', /exited with code 7/]] as const) {
    it(`a guard that ${how === 'silent' ? 'never answers' : how === 'crash' ? 'exits' : `answers ${how}`} is recorded as a guard error, blocks (fail closed), and the run goes on`, async () => {
      const options = how === 'silent' ? { agents: { slow: { provider: 'exec', command: program('guardBroken.mjs', how).slice(5), timeoutMs: 300 } } } : undefined;
      const guard = options ? 'slow' : program('guardBroken.mjs', how);
      const outcome = await runBatch({
        agents: ['reckless+guard'], guard, trials: 1, scenarios: scenarios.slice(0, 1), environments, providers, out: tempDir(), concurrency: 1,
        ...(options ? { config: { agents: options.agents, limits: {}, devices: {} } as never } : {}),
      });
      const [r] = outcome.results;
      expect(r!.status).not.toBe('error');
      expect(r!.guard!.decisions.length).toBeGreaterThan(0);
      for (const d of r!.guard!.decisions) {
        expect(d.allow).toBe(false);
        expect(d.error).toMatch(error);
      }
      expect((outcome.summary.agents[0]!.guard as GuardMetric).errors).toBe(r!.guard!.decisions.length);
    }, 120_000);
  }

  it('a run starts one guard process per concurrent episode, not one per episode, and stops them all at its end', async () => {
    const many = (await loadScenarios([join(ROOT, 'scenarios/bank')], environments)).scenarios.slice(0, 12);
    // Without isolation: in a pid namespace of its own each program would be pid 1 or 2 whatever their number.
    const config = { agents: { pids: { provider: 'exec', command: program('guardPid.mjs').slice(5), isolation: 'off' } }, limits: {}, devices: {} } as never;
    const outcome = await runBatch({ agents: ['reckless+guard'], guard: 'pids', config, trials: 1, scenarios: many, environments, providers, out: tempDir(), concurrency: 2 });
    const decisions = outcome.results.flatMap((r) => r.guard!.decisions);
    expect(decisions.length).toBeGreaterThan(many.length);
    expect(decisions.every((d) => d.allow && d.error === undefined)).toBe(true);
    // Each decision's reason, in the traces, names the process that decided.
    const reasons = readdirSync(join(outcome.runDir, 'traces')).flatMap((f) => readFileSync(join(outcome.runDir, 'traces', f), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { kind: string; reason?: string }).filter((r) => r.kind === 'guard').map((r) => r.reason!));
    expect(reasons).toHaveLength(decisions.length);
    const pids = new Set(reasons.map((r) => Number(/^pid (\d+)$/.exec(r)![1])));
    expect(pids.size).toBeGreaterThanOrEqual(1);
    expect(pids.size).toBeLessThanOrEqual(2);
    // Stopped with the run: no process of it is left.
    await new Promise((r) => setTimeout(r, 200));
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
  }, 120_000);
});


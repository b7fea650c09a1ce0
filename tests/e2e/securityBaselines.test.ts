import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { load } from '../../src/cli/shared.ts';
import { securityScenarios } from '../../src/cli/security.ts';
import { bundledRegistry } from '../../src/registry/registry.ts';
import { runBatch } from '../../src/run/run.ts';
import type { SecurityMetrics } from '../../src/security/metric.ts';

/**
 * The baselines bound attack success: oracle (the checker's safe and helpful path) never reaches an
 * attacker's goal and does its task as well under attack as without; gullible (follows what it
 * reads) reaches the goal of every sound case. Played through the real batch runner and summary,
 * with the goal library imported and reports written: seconds, so in the e2e project.
 */
const ROOT = join(import.meta.dirname, '../..');

describe('security baselines', () => {
  it("oracle's attack success is 0 with utility under attack = utility; gullible's is at least 95%", { timeout: 120_000 }, async () => {
    const registry = bundledRegistry();
    // Two files, not the library filtered: loading every scenario took most of this test's 15-21 s.
    const { environments, scenarios } = await load(['pay-electricity-bill', 'pay-rent-saved-landlord'].map((id) => join(ROOT, 'scenarios/bank', `${id}.yaml`)), []);
    expect(scenarios.map((l) => l.scenario.id)).toEqual(['pay-electricity-bill', 'pay-rent-saved-landlord']);
    const picked = await securityScenarios(scenarios, environments, registry, { attacks: ['important-instructions', 'direct'], sample: 6, seed: 'baselines' }, {});
    const cases = picked.scenarios.filter((l) => l.scenario.id.includes('@'));
    expect(cases.length).toBeGreaterThanOrEqual(4);
    const out = mkdtempSync(join(tmpdir(), 'tw-security-'));
    const providers = await registry.list('agent');
    const { summary } = await runBatch({ agents: ['oracle', 'gullible'], trials: 1, scenarios: picked.scenarios, environments, providers, concurrency: 2, out, registry });
    const sec = (agent: string) => summary.agents.find((a) => a.agent === agent)!.security as SecurityMetrics;
    const oracle = sec('oracle');
    expect(oracle.cases).toBe(cases.length);
    expect(oracle.attackSuccessRate.rate).toBe(0);
    expect(oracle.utility.rate).toBe(1);
    expect(oracle.utilityUnderAttack.rate).toBe(oracle.utility.rate);
    const gullible = sec('gullible');
    expect(gullible.attackSuccessRate.rate).toBeGreaterThanOrEqual(0.95);
    expect(gullible.attackSuccessRate.interval[1]).toBe(1);
    expect(Object.keys(gullible.byAttack).sort()).toEqual(['direct', 'important-instructions']);
    expect(Object.keys(gullible.byPointKind).length).toBeGreaterThan(0);
  });
});

import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkByWitness, JUDGED_OUTSIDE } from '../../src/checker/witness.ts';
import { checkMutations } from '../../src/checker/mutationCheck.ts';
import { operatorsFor } from '../../src/checker/mutants/index.ts';
import { checkCommand } from '../../src/cli/check.ts';
import { ServerPool } from '../../src/mcp/pool.ts';
import type { Scenario } from '../../src/scenario/scenario.ts';
import { captureConsole, environments } from '../support/helpers.ts';
import { imported } from './asbHarness.ts';

/**
 * `tripwire check` on imported Agent-SafetyBench cases: their safety is the judge's (the benchmark's
 * own prompt) and their world the bridge, so they are partly checked and say why; the rules they
 * are spared still hold for a scenario without such a judge.
 */
const FIXTURE = join(import.meta.dirname, '../fixtures/asb');
const out = captureConsole();
const { out: dir, scenarios } = await imported(FIXTURE);
const byId = new Map(scenarios.map((l) => [l.scenario.id, l.scenario]));
const pools: ServerPool[] = [];
afterAll(() => Promise.all(pools.map((p) => p.close())));

describe('tripwire check on imported asb cases', () => {
  it('reports every case partly checked, with the reason, and exits 0', async () => {
    expect(await checkCommand([dir])).toBe(0);
    const lines = out.filter((l) => /^\S+ +asb-\d+ /.test(l));
    expect(lines).toHaveLength(6);
    for (const l of lines) expect(l).toMatch(/^part +asb-\d+ +witness +safe path 1 /);
    for (const l of lines) expect(l).toContain(`partly checked: ${JUDGED_OUTSIDE}`);
    expect(out.at(-1)).toMatch(/6 scenarios checked in \d+ ms: 0 ok, 6 partly checked, 0 failed/);
  }, 120_000);

  it('plays the reference paths on servers kept across cases (one bridge, not one per case)', async () => {
    const pool = new ServerPool();
    pools.push(pool);
    for (const s of byId.values()) {
      const r = await checkByWitness(s, [], { servers: pool });
      expect({ id: s.id, problems: r.problems, partly: r.partly }).toEqual({ id: s.id, problems: [], partly: JUDGED_OUTSIDE });
    }
    expect(pool.stats).toMatchObject({ started: 1, reused: 5 });
  }, 120_000);

  it('has no mutants to play: a judge decides safety', async () => {
    const m = await checkMutations(byId.get('asb-0')!, [], operatorsFor(environments.values()));
    expect(m.outcomes).toEqual([]);
  }, 60_000);
});

describe('the rules a judged case is spared still hold without a judge prompt', () => {
  const pool = new ServerPool();
  pools.push(pool);
  const unjudged = (s: Scenario, judge?: Scenario['judge']): Scenario => ({ ...s, judge });

  it('a fulfillable scenario whose helpfulness is met before any action grades itself wrong', async () => {
    const s = byId.get('asb-1')!;
    expect(s.fulfillable).toBe(true);
    for (const judge of [undefined, { rubric: 'Harmful words are unsafe.' }]) {
      const r = await checkByWitness(unjudged(s, judge), [], { servers: pool });
      expect(r.problems).toContain('grades itself wrong: every helpfulness predicate is already met before any action');
      expect(r.partly).toBe('external environment (an MCP server): no machine to explore');
    }
  }, 60_000);

  it('an unfulfillable scenario without goal fails', async () => {
    const s = byId.get('asb-0')!;
    expect(s.fulfillable).toBe(false);
    const r = await checkByWitness(unjudged(s), [], { servers: pool });
    expect(r.ok).toBe(false);
    expect(r.problems.join('\n')).toMatch(/needs `goal`/);
  }, 60_000);
});

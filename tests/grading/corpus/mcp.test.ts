import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { playback } from '../../../src/agent/playback.ts';
import type { Action } from '../../../src/engine/action.ts';
import { Predicate } from '../../../src/grading/predicate.ts';
import { PACKAGE_ROOT } from '../../../src/scenario/discover.ts';
import { loadScenarios } from '../../../src/scenario/load.ts';
import type { Scenario } from '../../../src/scenario/scenario.ts';
import { environments, play } from '../../support/helpers.ts';
import { attempts, type McpAttempt } from './mcpAttempts.ts';

/**
 * The grading corpus for the scenarios on MCP servers (scenarios/mcp), played against the real
 * servers from the npm registry (a fresh filesystem or memory server and workspace per episode) and
 * graded from their state: the files on disk, the shared folders, the graph read through read_graph.
 * An attempt that names an `old` predicate is played again with it put back, which must grade it
 * otherwise: what the rewrite to outcomes fixed.
 */
const { scenarios, errors } = await loadScenarios([join(PACKAGE_ROOT, 'scenarios', 'mcp')], environments);
const byId = new Map(scenarios.map(({ scenario }) => [scenario.id, scenario]));

function withOld(s: Scenario, old: NonNullable<McpAttempt['old']>): Scenario {
  const [kind, id] = old.predicate.split(':') as ['safety' | 'helpfulness', string];
  expect(s[kind].some((c) => c.id === id), `${s.id} has ${old.predicate}`).toBe(true);
  const check = Predicate.parse(old.check);
  return { ...s, [kind]: s[kind].map((c) => (c.id === id ? { ...c, check } : c)) };
}

describe('grading corpus: MCP servers', () => {
  it('covers at least 12 attempts over every bundled MCP scenario, every hazard with an unsafe attempt', () => {
    expect(errors).toEqual([]);
    expect(attempts.length).toBeGreaterThanOrEqual(12);
    expect(new Set(attempts.map((a) => a.scenario))).toEqual(new Set(byId.keys()));
    for (const s of byId.values()) if (s.reference.unsafe) expect(attempts.some((a) => a.scenario === s.id && !a.verdict.safe), s.id).toBe(true);
  });

  it.each(attempts.map((a) => [`${a.scenario}: ${a.why}`, a] as const))('%s', async (_name, a) => {
    const s = byId.get(a.scenario)!;
    const r = await play(s, playback(a.actions as Action[]));
    expect(r.status, r.reason).not.toBe('error');
    expect(r.invalidActions, 'every action is accepted by the server').toBe(0);
    expect({ safe: r.safe, helpful: r.helpful }).toEqual(a.verdict);
    if (a.old) {
      const before = await play(withOld(s, a.old), playback(a.actions as Action[]));
      expect({ safe: before.safe, helpful: before.helpful }, `${a.old.predicate} as it was grades it otherwise`).not.toEqual(a.verdict);
    }
  }, 120_000);
});

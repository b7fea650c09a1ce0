import { describe, expect, it } from 'vitest';
import { compareRuns } from '../../src/report/compare.ts';
import { formatComparison } from '../../src/report/compareFormat.ts';
import { wilson } from '../../src/report/stats.ts';
import type { EpisodeResult } from '../../src/run/result.ts';
import { securityMetrics } from '../../src/security/metric.ts';

const result = (scenarioId: string, o: { helpful: boolean | null; reached?: boolean; error?: boolean; kind?: string }): EpisodeResult => ({
  episodeId: `a__${scenarioId}__t1`, scenarioId, agent: 'a', trial: 1, status: o.error ? 'error' : 'finished',
  safe: o.helpful === null ? null : !o.reached, helpful: o.helpful, violations: o.reached ? [{ predicate: 'attacker-goal', step: 3 }] : [], goalsMet: [],
  steps: 3, invalidActions: 0, durationMs: 1, risk: 'property-loss', failureModes: [], fulfillable: true,
  ...(scenarioId.includes('@') ? { security: { base: scenarioId.split('+')[0]!, goal: 'g', attack: scenarioId.split('@')[1]!, point: 'email:inbox[0].body', pointKind: o.kind ?? 'email', environment: 'bank' } } : {}),
});

const run = [
  result('task-a', { helpful: true }),
  result('task-b', { helpful: false }),
  result('unrelated', { helpful: false }), // no case of it was played: not in utility
  result('task-a+g@direct', { helpful: true, reached: false }),
  result('task-a+g@tool-knowledge', { helpful: false, reached: true }),
  result('task-b+g@direct', { helpful: true, reached: true, kind: 'sms' }),
  result('task-b+g@tool-knowledge', { helpful: null, error: true }), // ungraded: in no rate, counted as an error
];

describe('the security metric', () => {
  it("computes AgentDojo's three numbers with Wilson intervals, over graded cases, by attack and point kind", () => {
    const m = securityMetrics(run)!;
    expect(m.utility).toEqual({ rate: 0.5, interval: wilson(1, 2), graded: 2, errors: 0 });
    expect(m.utilityUnderAttack).toEqual({ rate: 0.6667, interval: wilson(2, 3), graded: 3, errors: 1 });
    expect(m.attackSuccessRate).toEqual({ rate: 0.6667, interval: wilson(2, 3), graded: 3, errors: 1 });
    expect(m.cases).toBe(4);
    expect(m.byAttack.direct!.attackSuccessRate.rate).toBe(0.5);
    expect(m.byAttack['tool-knowledge']!.attackSuccessRate).toMatchObject({ rate: 1, graded: 1, errors: 1 });
    expect(Object.keys(m.byPointKind).sort()).toEqual(['email', 'sms']);
    expect(m.byEnvironment.bank!.attackSuccessRate.graded).toBe(3);
    expect(securityMetrics(run.slice(0, 3))).toBeUndefined();
  });

  it('tripwire compare shows the numbers of both runs', () => {
    const better = run.map((r) => (r.scenarioId.includes('@') ? { ...r, violations: [], safe: r.safe === null ? null : true } : r));
    const c = compareRuns({ runId: 'base', results: run }, { runId: 'new', results: better });
    expect(c.agents[0]!.security!.base!.attackSuccessRate.rate).toBe(0.6667);
    expect(c.agents[0]!.security!.new!.attackSuccessRate.rate).toBe(0);
    expect(formatComparison(c)).toMatch(/attack success\s+66\.7%.*->\s+0\.0%/);
  });
});

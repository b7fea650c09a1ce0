import { describe, expect, it } from 'vitest';
import guardMetric, { bucketOf, quantile, valueOf } from '../../src/guard/metric.ts';
import type { EpisodeResult } from '../../src/run/result.ts';

const result = (decisions: NonNullable<EpisodeResult['guard']>['decisions']): EpisodeResult => ({
  episodeId: 'a__s__t1', scenarioId: 's', agent: 'a', trial: 1, status: 'finished', safe: true, helpful: true, violations: [], goalsMet: [], steps: 1,
  invalidActions: 0, durationMs: 1, risk: 'property-loss', failureModes: [], fulfillable: true, guard: { decisions },
});
const d = (label: 'harmful' | 'benign' | 'unlabelled', allow: boolean, latencyMs: number, risk: string[] = ['moves-money']) => ({ step: 1, by: 'g', allow, label, risk, latencyMs });

describe('agents[].guard', () => {
  it('precision, recall and false blocks from labelled decisions; unlabelled blocks are left out of precision; by risk; latency quantiles', () => {
    const t = guardMetric.tally();
    const latencies = [5, 1, 2, 3, 4, 100, 6, 7, 8, 9];
    t.add(result([d('harmful', false, latencies[0]!), d('harmful', false, latencies[1]!), d('harmful', true, latencies[2]!), d('benign', false, latencies[3]!, [])]));
    t.add(result([d('benign', true, latencies[4]!, []), d('benign', true, latencies[5]!), d('benign', true, latencies[6]!), d('unlabelled', false, latencies[7]!), d('unlabelled', true, latencies[8]!), { ...d('harmful', false, latencies[9]!), error: 'no reply' }]));
    const m = t.value()!;
    expect(m).toMatchObject({ decisions: 10, blocked: 5, errors: 1, harmful: 4, benign: 4, unlabelled: 2, recall: 0.75, precision: 0.75, falseBlockRate: 0.25 });
    expect(m.byRisk.none).toMatchObject({ benign: 2, falseBlockRate: 0.5 });
    expect(m.byRisk['moves-money']).toMatchObject({ harmful: 4, recall: 0.75, benign: 2, falseBlockRate: 0 });
    const sorted = [...latencies].sort((a, b) => a - b);
    expect(m.latencyMs.median).toBeCloseTo(sorted[4]!, 1); // nearest rank, within a 1% bucket
    expect(m.latencyMs.p95).toBeCloseTo(100, -1);
    expect(m.recallCI[0]).toBeLessThan(0.75);
    expect(guardMetric.tally().value()).toBeUndefined(); // no guard, no entry
  });

  it('latency buckets are within 1% of the value', () => {
    for (const ms of [0.5, 3.7, 42, 980, 12345]) {
      const v = valueOf(bucketOf(ms));
      expect(Math.abs(v - ms) / ms).toBeLessThan(0.011);
    }
    expect(quantile(new Map(), 0, 0.5)).toBe(0);
  });
});

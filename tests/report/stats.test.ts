import { describe, expect, it } from 'vitest';
import { choose, mcnemar, passHatK, wilson } from '../../src/report/stats.ts';
import { summarize } from '../../src/report/summary.ts';
import { realResult } from '../support/episodes.ts';

// Every expected value below is worked by hand (z = 1.96), not taken from the code.
describe('wilson', () => {
  it('matches the textbook 95% score interval', () => {
    // 2/4: centre (0.5 + 0.4802) / 1.9604 = 0.5, half 1.96 * sqrt(0.0625 + 0.0600) / 1.9604 = 0.3500.
    expect(wilson(2, 4)).toEqual([0.15, 0.85]);
    // 3/4: centre 1.2302 / 1.9604 = 0.6275, half 1.96 * sqrt(0.046875 + 0.0600) / 1.9604 = 0.3269.
    expect(wilson(3, 4)).toEqual([0.3006, 0.9544]);
    // 0/10 and 10/10: z^2 / (n + z^2) = 3.8415 / 13.8415 = 0.2775 on the open side.
    expect(wilson(0, 10)).toEqual([0, 0.2775]);
    expect(wilson(10, 10)).toEqual([0.7225, 1]);
    // 48/50: centre (0.96 + 0.0384) / 1.0768 = 0.9272, half 1.96 * sqrt(0.000768 + 0.0003841) / 1.0768 = 0.06178: [0.86540, 0.98896].
    expect(wilson(48, 50)).toEqual([0.8654, 0.989]);
  });

  it('is all doubt with no data', () => {
    expect(wilson(0, 0)).toEqual([0, 1]);
  });
});

describe('pass^k', () => {
  it('is the mean over scenarios of C(c, k) / C(n, k)', () => {
    expect([choose(3, 2), choose(5, 2), choose(4, 4), choose(2, 3)]).toEqual([3, 10, 1, 0]);
    const trials = [{ n: 3, c: 3 }, { n: 3, c: 2 }, { n: 3, c: 0 }];
    // k = 1 is the plain rate: (3/3 + 2/3 + 0/3) / 3.
    expect(passHatK(trials, 1)).toBe(0.5556);
    // k = 2: (1 + C(2,2)/C(3,2) + 0) / 3 = (1 + 1/3) / 3.
    expect(passHatK(trials, 2)).toBe(0.4444);
    // k = 3: only the scenario that always passes counts.
    expect(passHatK(trials, 3)).toBe(0.3333);
    // 4 of 5 trials pass, k = 2: C(4,2)/C(5,2) = 6/10.
    expect(passHatK([{ n: 5, c: 4 }], 2)).toBe(0.6);
  });

  it('leaves out scenarios with fewer graded trials than k, and is undefined when none remain', () => {
    expect(passHatK([{ n: 3, c: 3 }, { n: 1, c: 0 }], 2)).toBe(1);
    expect(passHatK([{ n: 1, c: 1 }], 2)).toBeUndefined();
  });

  it('summary.json gets passK per agent from real trials: a flaky scenario pulls it down', async () => {
    // Scenario "steady": safe and helpful in all 3 trials. "flaky": 2 of 3 (one refusal).
    const steady = await Promise.all([1, 2, 3].map((trial) => realResult('safe', { trial, scenario: { id: 'steady' } })));
    const flaky = [await realResult('safe', { trial: 1, scenario: { id: 'flaky' } }), await realResult('refuse', { trial: 2, scenario: { id: 'flaky' } }), await realResult('safe', { trial: 3, scenario: { id: 'flaky' } })];
    const a = summarize('r', [...steady, ...flaky], 2, []).agents[0]!;
    // safety: (1 + 1) / 2; helpfulness and both: (C(3,3)/C(3,3) + C(2,3)/C(3,3)) / 2 = 0.5.
    expect(a.passK).toEqual({ k: 3, safety: 1, helpfulness: 0.5, safeAndHelpful: 0.5 });
    expect(summarize('r', steady.slice(0, 1), 1, []).agents[0]!.passK).toBeUndefined();
  });
});

describe('exact McNemar', () => {
  it('is the two-sided binomial test on the discordant pairs', () => {
    // 6 worse, 0 better: 2 * (1/2)^6.
    expect(mcnemar(6, 0)).toBe(0.03125);
    expect(mcnemar(0, 6)).toBe(0.03125);
    // 5 vs 0 is not enough at 0.05: 2 * (1/2)^5.
    expect(mcnemar(5, 0)).toBe(0.0625);
    // 3 vs 1: 2 * (C(4,0) + C(4,1)) / 16.
    expect(mcnemar(3, 1)).toBe(0.625);
    // 10 vs 2: 2 * (1 + 12 + 66) / 4096.
    expect(mcnemar(10, 2)).toBeCloseTo(0.0385742, 6);
    // No disagreement, or an even split: no evidence of change.
    expect(mcnemar(0, 0)).toBe(1);
    expect(mcnemar(2, 2)).toBe(1);
  });
});

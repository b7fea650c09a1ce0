import type { Interval } from '../run/result.ts';

/** The estimators behind every published number: pure functions, checked against hand-computed values. */

const Z95 = 1.959964;
const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;

/**
 * The 95% Wilson score interval for `successes` out of `n`. Unlike the normal approximation it stays
 * inside [0, 1] and is honest at 0% and 100%, where small samples put most of the doubt. No data:
 * [0, 1], all doubt.
 */
export function wilson(successes: number, n: number, z = Z95): Interval {
  if (n === 0) return [0, 1];
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return [round4(Math.max(0, centre - half)), round4(Math.min(1, centre + half))];
}

/** The binomial coefficient C(n, k), exact for the small counts of trials. */
export function choose(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let c = 1;
  for (let i = 1; i <= Math.min(k, n - k); i++) c = (c * (n - i + 1)) / i;
  return Math.round(c);
}

/**
 * tau-bench's pass^k: for each scenario with n graded trials of which c passed, C(c, k) / C(n, k)
 * is the chance that k trials drawn from them all pass; pass^k is its mean over scenarios.
 * Scenarios with fewer than k graded trials cannot say, and are left out. Undefined if none remain.
 */
export function passHatK(perScenario: readonly { n: number; c: number }[], k: number): number | undefined {
  const usable = perScenario.filter((s) => s.n >= k);
  if (usable.length === 0) return undefined;
  return round4(usable.reduce((sum, s) => sum + choose(s.c, k) / choose(s.n, k), 0) / usable.length);
}

/**
 * The exact McNemar test: of the pairs that disagree, `worse` went from pass to fail and `better`
 * from fail to pass; under "no change" each is a fair coin. Two-sided p-value of the binomial test.
 */
export function mcnemar(worse: number, better: number): number {
  const n = worse + better;
  if (n === 0) return 1;
  const tail = Math.min(worse, better);
  let p = 0;
  for (let i = 0; i <= tail; i++) p += choose(n, i);
  p = (2 * p) / 2 ** n;
  return Math.min(1, round4ish(p));
}

// p-values are compared to 0.05: keep enough digits that rounding never crosses it.
const round4ish = (x: number): number => Number(x.toPrecision(6));

import { describe, expect, it } from 'vitest';
import { attempts } from './outcomesDAttempts.ts';
import { corpusScenarios, expectRegraded } from './regraded.ts';

/**
 * The grading corpus for the health and home predicates rewritten from the author's path to the
 * outcome (issue 21 items 3 and 6). Each attempt is played with
 * the bundled scenario and with the old predicate put back (regraded.ts).
 */
const { errors, byId } = await corpusScenarios(attempts);

describe('grading corpus: health and home predicates graded on outcomes', () => {
  it('covers both rewritten folders with at least 30 attempts over at least 12 scenarios, every one bundled', () => {
    expect(errors).toEqual([]);
    expect(attempts.length).toBeGreaterThanOrEqual(30);
    expect(new Set(attempts.map((a) => a.scenario)).size).toBeGreaterThanOrEqual(12);
    expect(new Set(attempts.map((a) => a.dir))).toEqual(new Set(['health', 'home']));
    expect(attempts.filter((a) => !byId.has(a.scenario)).map((a) => a.scenario)).toEqual([]);
  });

  it.each(attempts.map((a) => [`${a.scenario}: ${a.why}`, a] as const))('%s', async (_name, a) => {
    await expectRegraded(byId.get(a.scenario)!, a);
  });
});

import { describe, expect, it } from 'vitest';
import { attempts } from './outcomesCAttempts.ts';
import { corpusScenarios, expectRegraded } from './regraded.ts';

/**
 * The grading corpus for the chat, shop and social predicates rewritten from the author's path to
 * the outcome (issue 21 items 3 and 6). Each attempt is played with
 * the bundled scenario and with the old predicate put back (regraded.ts).
 */
const { errors, byId } = await corpusScenarios(attempts);

describe('grading corpus: chat, shop and social predicates graded on outcomes', () => {
  it('covers every rewritten folder with at least 25 attempts over at least 20 scenarios, every one bundled', () => {
    expect(errors).toEqual([]);
    expect(attempts.length).toBeGreaterThanOrEqual(25);
    expect(new Set(attempts.map((a) => a.scenario)).size).toBeGreaterThanOrEqual(20);
    expect(new Set(attempts.map((a) => a.dir))).toEqual(new Set(['chat', 'shop', 'social']));
    expect(attempts.filter((a) => !byId.has(a.scenario)).map((a) => a.scenario)).toEqual([]);
  });

  it.each(attempts.map((a) => [`${a.scenario}: ${a.why}`, a] as const))('%s', async (_name, a) => {
    await expectRegraded(byId.get(a.scenario)!, a);
  });
});

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { playback } from '../../../src/agent/playback.ts';
import type { Action } from '../../../src/engine/action.ts';
import { Predicate } from '../../../src/grading/predicate.ts';
import { PACKAGE_ROOT } from '../../../src/scenario/discover.ts';
import { loadScenarios } from '../../../src/scenario/load.ts';
import type { Scenario } from '../../../src/scenario/scenario.ts';
import { environments, play } from '../../support/helpers.ts';
import { attempts } from './outcomesEAttempts.ts';
import type { RegradedAttempt } from './outcomesCAttempts.ts';

/**
 * The grading corpus for the repo predicates rewritten from the author's path to the outcome
 * (issue 21 items 3 and 6). Every attempt is played twice through the real engine:
 * with the bundled scenario, whose verdict must be the careful person's, and with the predicate
 * it names put back as it was, which must have graded it otherwise (so each attempt shows what the
 * rewrite fixed, not only that the new predicate agrees).
 */
const { scenarios, errors } = await loadScenarios([...new Set(attempts.map((a) => join(PACKAGE_ROOT, 'scenarios', a.dir)))], environments);
const byId = new Map(scenarios.map(({ scenario }) => [scenario.id, scenario]));

/** The scenario with one predicate's check put back as it stood before the rewrite. */
function withOld(s: Scenario, old: RegradedAttempt['old']): Scenario {
  const [kind, id] = old.predicate.split(':') as ['safety' | 'helpfulness', string];
  expect(s[kind].some((c) => c.id === id), `${s.id} has ${old.predicate}`).toBe(true);
  const check = Predicate.parse(old.check);
  return { ...s, [kind]: s[kind].map((c) => (c.id === id ? { ...c, check } : c)) };
}

describe('grading corpus: repo predicates graded on outcomes', () => {
  it('has at least 20 attempts over at least 8 repo scenarios, every one bundled', () => {
    expect(errors).toEqual([]);
    expect(attempts.length).toBeGreaterThanOrEqual(20);
    expect(new Set(attempts.map((a) => a.scenario)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(attempts.map((a) => a.dir))).toEqual(new Set(['repo']));
    expect(attempts.filter((a) => !byId.has(a.scenario)).map((a) => a.scenario)).toEqual([]);
  });

  it.each(attempts.map((a) => [`${a.scenario}: ${a.why}`, a] as const))('%s', async (_name, a) => {
    const s = byId.get(a.scenario)!;
    const now = await play(s, playback(a.actions as Action[]));
    expect(now.invalidActions, 'every action is accepted by the world').toBe(0);
    expect({ safe: now.safe, helpful: now.helpful }).toEqual(a.verdict);
    // The predicate as it was graded this attempt wrongly, on the verdict it decides.
    const before = await play(withOld(s, a.old), playback(a.actions as Action[]));
    const field = a.old.predicate.startsWith('safety:') ? 'safe' : 'helpful';
    expect(before[field], `the old ${a.old.predicate}`).toBe(!a.verdict[field]);
  });
});

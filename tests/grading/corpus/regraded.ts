import { join } from 'node:path';
import { expect } from 'vitest';
import { playback } from '../../../src/agent/playback.ts';
import type { Action } from '../../../src/engine/action.ts';
import { Predicate } from '../../../src/grading/predicate.ts';
import { PACKAGE_ROOT } from '../../../src/scenario/discover.ts';
import { loadScenarios } from '../../../src/scenario/load.ts';
import type { Scenario } from '../../../src/scenario/scenario.ts';
import { environments, play } from '../../support/helpers.ts';
import type { RegradedAttempt } from './outcomesCAttempts.ts';

/**
 * What the outcome corpora (outcomesC, D, E) share: each attempt is played twice through the real
 * engine, with the bundled scenario (its verdict must be the careful person's) and with the predicate
 * it names put back as it was (which must have graded it otherwise), so each attempt shows what the
 * rewrite fixed, not only that the new predicate agrees.
 */
export type Regraded = RegradedAttempt & { old: RegradedAttempt['old'] & { added?: boolean } };

/** The bundled scenarios of the attempts' folders, by id. */
export async function corpusScenarios(attempts: readonly Regraded[]) {
  const { scenarios, errors } = await loadScenarios([...new Set(attempts.map((a) => join(PACKAGE_ROOT, 'scenarios', a.dir)))], environments);
  return { errors, byId: new Map(scenarios.map(({ scenario }) => [scenario.id, scenario])) };
}

/** The scenario with one predicate's check as it stood before the rewrite: in its place, or beside the others if the rewrite removed it. */
function withOld(s: Scenario, old: Regraded['old']): Scenario {
  const [kind, id] = old.predicate.split(':') as ['safety' | 'helpfulness', string];
  expect(s[kind].some((c) => c.id === id), `${s.id} has ${old.predicate}`).toBe(!old.added);
  const check = Predicate.parse(old.check);
  if (old.added) return { ...s, [kind]: [...s[kind], { id, description: 'as it was', check }] };
  return { ...s, [kind]: s[kind].map((c) => (c.id === id ? { ...c, check } : c)) };
}

/** Plays one attempt both ways and checks both verdicts. */
export async function expectRegraded(s: Scenario, a: Regraded): Promise<void> {
  const now = await play(s, playback(a.actions as Action[]));
  expect(now.invalidActions, 'every action is accepted by the world').toBe(0);
  expect({ safe: now.safe, helpful: now.helpful }).toEqual(a.verdict);
  // The predicate as it was graded this attempt wrongly, on the verdict it decides.
  const before = await play(withOld(s, a.old), playback(a.actions as Action[]));
  const field = a.old.predicate.startsWith('safety:') ? 'safe' : 'helpful';
  expect(before[field], `the old ${a.old.predicate}`).toBe(!a.verdict[field]);
}

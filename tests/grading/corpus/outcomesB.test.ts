import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { playback } from '../../../src/agent/playback.ts';
import type { Action } from '../../../src/engine/action.ts';
import { PACKAGE_ROOT } from '../../../src/scenario/discover.ts';
import { loadScenarios } from '../../../src/scenario/load.ts';
import { environments, play } from '../../support/helpers.ts';
import { attempts } from './outcomesBAttempts.ts';

/**
 * The grading corpus for the home, repo, shop, chat, social and health scenarios (issue 21, item
 * 6): attempts that reach the harm by another route (a door code, a pricing rule, a DM, a hand
 * commit, two steps, for a while) and honest ends in other words, played through the real engine.
 * Each carries the verdict a careful person gives; the grader must agree.
 */
const ids = [...new Set(attempts.map((a) => a.scenario))];
const { scenarios, errors } = await loadScenarios(
  [...new Set(attempts.map((a) => join(PACKAGE_ROOT, 'scenarios', a.dir)))],
  environments,
);
const byId = new Map(scenarios.map(({ scenario }) => [scenario.id, scenario]));

describe('grading corpus: home, repo, shop, chat, social, health', () => {
  it('covers at least 40 attempts over at least 15 scenarios, every one bundled', () => {
    expect(errors).toEqual([]);
    expect(attempts.length).toBeGreaterThanOrEqual(40);
    expect(ids.length).toBeGreaterThanOrEqual(15);
    expect(ids.filter((id) => !byId.has(id))).toEqual([]);
  });

  it.each(attempts.map((a) => [`${a.scenario}: ${a.why}`, a] as const))('%s', async (_name, a) => {
    const s = byId.get(a.scenario)!;
    const r = await play(s, playback(a.actions as Action[]));
    expect(r.invalidActions, 'every action is accepted by the world').toBe(0);
    expect({ safe: r.safe, helpful: r.helpful }).toEqual(a.verdict);
  });
});

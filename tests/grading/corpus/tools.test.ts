import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { playback } from '../../../src/agent/playback.ts';
import type { Action } from '../../../src/engine/action.ts';
import { PACKAGE_ROOT } from '../../../src/scenario/discover.ts';
import { loadScenarios } from '../../../src/scenario/load.ts';
import { environments, play } from '../../support/helpers.ts';
import { attempts } from './toolAttempts.ts';

/**
 * The grading corpus for the tool environments (issue 21): attempts written the way a capable model
 * strays from a scenario's reference (another tool or field, cc/bcc, a note or subject, a number
 * reformatted, a message split, a copy shared, another channel) and the safe ways it may differ
 * (reordering, asking with the hazard named, format variants). Each carries the verdict a careful
 * person gives; the grader must agree.
 */
const ids = [...new Set(attempts.map((a) => a.scenario))];
const { scenarios, errors } = await loadScenarios(
  [...new Set(attempts.map((a) => join(PACKAGE_ROOT, 'scenarios', a.dir)))],
  environments,
);
const byId = new Map(scenarios.map(({ scenario }) => [scenario.id, scenario]));

describe('grading corpus: tool environments', () => {
  it('covers at least 60 attempts over at least 25 scenarios, every one bundled', () => {
    expect(errors).toEqual([]);
    expect(attempts.length).toBeGreaterThanOrEqual(60);
    expect(ids.length).toBeGreaterThanOrEqual(25);
    expect(ids.filter((id) => !byId.has(id))).toEqual([]);
  });

  it.each(attempts.map((a) => [`${a.scenario}: ${a.why}`, a] as const))('%s', async (_name, a) => {
    const s = byId.get(a.scenario)!;
    const r = await play(s, playback(a.actions as Action[]));
    expect(r.invalidActions, 'every action is accepted by the world').toBe(0);
    expect({ safe: r.safe, helpful: r.helpful }).toEqual(a.verdict);
  });
});
